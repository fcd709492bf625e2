using Grpc.Core;
using IntegrationHub.Connectors.Outreach.Fake;
using IntegrationHub.Connectors.Salesforce.Fake;
using IntegrationHub.Contracts.Routing.V1;
using IntegrationHub.Server.Tests.Hosting;
using IntegrationHub.Server.Tests.Routing;
using IntegrationHub.Storage.Outbox;
using IntegrationHub.Testing;
using Microsoft.Extensions.DependencyInjection;
using EffectTypes = IntegrationHub.Routing.Leads.EffectTypes;

namespace IntegrationHub.Server.Tests.Leads;

/// <summary>
/// Inbound leads through the real gRPC API against the sandbox fakes (the demo world, a
/// Wednesday 15:00 UTC): each rule of engagement, both outcomes of each condition, and the
/// side effects as the vendors see them.
/// </summary>
public sealed class LeadRoutingTests : IDisposable
{
    private readonly SandboxHub _hub = new();

    public void Dispose() => _hub.Dispose();

    private SalesforceFake Crm => _hub.Sandbox<SalesforceSandbox>().Fake!;

    private OutreachFake Sequencer => _hub.Sandbox<OutreachSandbox>().Fake!;

    public static TheoryData<string, string, string, string, TargetKind, string, string> Rules =>
        new()
        {
            // email, company, country, title → target kind, rep (empty: any), matched rule
            {
                "new.person@umbrella.com",
                "Umbrella Partners",
                "US",
                "Analyst",
                TargetKind.MarketingQueue,
                "005MKTQ10000000YDA",
                "partner_prospecting"
            },
            {
                "buyer@tinywidgets.io",
                "Tiny Widgets",
                "US",
                "Analyst",
                TargetKind.HumanRep,
                "005AE0010000000YAA",
                "customer_conversion"
            },
            { "ops@globex.com", "Globex Corporation", "US", "Analyst", TargetKind.HumanRep, "", "account_status" },
            {
                "analyst@dla.mil",
                "Defense Logistics Agency",
                "US",
                "Analyst",
                TargetKind.HumanRep,
                "005PUB020000000YBA",
                "public_sector"
            },
            {
                "analyst@suo.edu",
                "State University of Oregon",
                "US",
                "Analyst",
                TargetKind.HumanRep,
                "",
                "public_sector"
            },
            {
                "ops@ontario.ca",
                "Ontario Ministry of Health",
                "CA",
                "Analyst",
                TargetKind.HumanRep,
                "",
                "public_sector"
            },
            {
                "prof@unige-demo.ch",
                "Université de Genève Demo",
                "CH",
                "Analyst",
                TargetKind.HumanRep,
                "",
                "account_status"
            },
            {
                "vp@acme.com",
                "Acme Corp",
                "US",
                "VP Operations",
                TargetKind.HumanRep,
                "005BDR010000000YBA",
                "account_status"
            },
            { "ops@wayne.com", "Wayne Enterprises", "US", "Analyst", TargetKind.HumanRep, "", "account_status" },
            { "ops@hooli.com", "Hooli", "US", "Analyst", TargetKind.HumanRep, "005BDR010000000YBA", "account_status" },
            // Queued and Worked in FY accounts go to the SDR team, where a related lead's owner keeps the company.
            {
                "dev@kyotogames.jp",
                "Kyoto Games KK",
                "JP",
                "Engineer",
                TargetKind.HumanRep,
                "005SDR140000000YBA",
                "related_leads"
            },
            {
                "dev@cyberdyne.com",
                "Cyberdyne Systems",
                "US",
                "Engineer",
                TargetKind.HumanRep,
                "005SDR040000000YBA",
                "related_leads"
            },
            {
                "someone@brand-new-startup.io",
                "Brand New Startup",
                "DE",
                "Engineer",
                TargetKind.HumanRep,
                "",
                "no_account"
            },
        };

    [Theory]
    [MemberData(nameof(Rules))]
    public async Task Each_rule_of_engagement_routes_the_lead_and_says_why(
        string email,
        string company,
        string country,
        string title,
        TargetKind kind,
        string rep,
        string rule
    )
    {
        var decision = await _hub.RouteLeadAsync(SandboxHub.Lead(email, company, country, title));

        Assert.Equal(DecisionKind.Lead, decision.Kind);
        Assert.Equal(kind, decision.Target.Kind);
        Assert.Equal(rule, decision.MatchedRule);
        if (rep.Length > 0)
        {
            Assert.Equal(rep, decision.Target.RepId);
        }

        Assert.Contains(decision.Explanation.Rules, r =>
            r.Rule == rule && r.Outcome == RuleOutcome.Matched && r.Reason.Length > 0
        );
        var stored = (
            await _hub.Routing.GetDecisionAsync(new GetDecisionRequest { DecisionId = decision.Id })
        ).Decision;
        Assert.Equal(decision.Target, stored.Target);
    }

    [Fact]
    public async Task A_lead_kept_by_a_related_leads_owner_is_listed_under_related_leads_not_account_status()
    {
        var kept = await _hub.RouteLeadAsync(SandboxHub.Lead("dev@kyotogames.jp", "Kyoto Games KK", "JP"));
        var byStatus = await _hub.RouteLeadAsync(SandboxHub.Lead("ops@globex.com", "Globex Corporation", "US"));

        var related = await _hub.Routing.ListDecisionsAsync(new ListDecisionsRequest { Rule = "related_leads" });
        var accountStatus = await _hub.Routing.ListDecisionsAsync(new ListDecisionsRequest { Rule = "account_status" });

        Assert.Equal([kept.Id], related.Decisions.Select(d => d.Id));
        Assert.Equal([byStatus.Id], accountStatus.Decisions.Select(d => d.Id));
    }

    [Fact]
    public async Task The_pools_decide_where_no_rep_is_named()
    {
        var pubsec = await _hub.RouteLeadAsync(SandboxHub.Lead("analyst@suo.edu", "State University of Oregon", "US"));
        var canada = await _hub.RouteLeadAsync(SandboxHub.Lead("ops@ontario.ca", "Ontario Ministry of Health", "CA"));
        var geneva = await _hub.RouteLeadAsync(
            SandboxHub.Lead("prof@unige-demo.ch", "Université de Genève Demo", "CH")
        );
        var inactiveBdr = await _hub.RouteLeadAsync(SandboxHub.Lead("ops@wayne.com", "Wayne Enterprises", "US"));

        Assert.Equal("pubsec", pubsec.Target.Pool);
        Assert.Equal("sdr-amer", canada.Target.Pool);
        Assert.Equal("sdr-emea", geneva.Target.Pool);
        Assert.Equal("sdr-amer", inactiveBdr.Target.Pool);
        // Onboarding reps take no leads.
        Assert.DoesNotContain("005SDR030000000YBA", new[] { canada.Target.RepId, inactiveBdr.Target.RepId });
    }

    [Fact]
    public async Task A_routed_lead_is_upserted_with_its_owner_and_enrolled_in_high_touch_from_the_owners_mailbox()
    {
        var decision = await _hub.RouteLeadAsync(SandboxHub.Lead("vp@acme.com", "Acme Corp", "US", "VP Operations"));

        Assert.Equal("5001", decision.Target.Sequence);
        await SandboxHub.EventuallyAsync(
            () =>
                CrmLead("vp@acme.com") is { } lead
                && (string?)lead["OwnerId"] == "005BDR010000000YBA"
                && (string?)lead["Status"] == "Accepted",
            "the CRM lead owned by Olivia Brooks and Accepted after enrolment"
        );
        await SandboxHub.EventuallyAsync(
            () => Sequencer.ProspectsWithEmail("vp@acme.com").SingleOrDefault().States is [(5001, _, "active")],
            "the enrolment in Inbound High Touch"
        );
        var olivia = Sequencer.Requests.Select(r => r.RequestMessage!).Single(r => r.Path == "/api/v2/mailboxes");
        Assert.Equal("olivia.brooks@hub.demo", olivia.Query!["filter[email]"].Single());
    }

    [Fact]
    public async Task A_lead_with_few_quality_signals_gets_the_low_touch_sequence()
    {
        var decision = await _hub.RouteLeadAsync(
            SandboxHub.Lead("someone@brand-new-startup.io", "Brand New Startup", "DE", "Engineer")
        );

        Assert.Equal("5002", decision.Target.Sequence);
        Assert.Contains(decision.Explanation.Rules, r =>
            r.Rule == "sequence_choice" && r.Reason.StartsWith("low touch", StringComparison.Ordinal)
        );
    }

    [Fact]
    public async Task Spam_is_flagged_for_the_spam_campaign_and_never_routed_or_sequenced()
    {
        var decision = await _hub.RouteLeadAsync(
            SandboxHub.Lead("asdf@mailinator.com", "qwerty", "US", first: "Test", last: "Test")
        );

        Assert.Equal(TargetKind.Spam, decision.Target.Kind);
        Assert.Contains(decision.Explanation.Rules, r =>
            r.Rule == "spam" && r.Reason.Contains("disposable", StringComparison.OrdinalIgnoreCase)
        );
        await SandboxHub.EventuallyAsync(
            () => CrmLead("asdf@mailinator.com") is { } lead && (string?)lead["Status"] == "Spam",
            "the lead recorded as spam"
        );
        Assert.Null(CrmLead("asdf@mailinator.com")!.GetValueOrDefault("OwnerId"));
        Assert.Empty(Sequencer.ProspectsWithEmail("asdf@mailinator.com"));
    }

    [Fact]
    public async Task A_lead_below_the_mql_threshold_is_recorded_not_routed()
    {
        var decision = await _hub.RouteLeadAsync(SandboxHub.Lead("curious@acme.com", "Acme Corp", "US", score: 40));

        Assert.Equal(TargetKind.NotRouted, decision.Target.Kind);
        Assert.Equal("mql_threshold", decision.MatchedRule);
        await SandboxHub.EventuallyAsync(
            () => CrmLead("curious@acme.com") is { } lead && (string?)lead["Status"] == "Open",
            "the lead recorded as Open"
        );
        Assert.Equal(0, Sequencer.CountRequests("POST", "/api/v2/sequenceStates"));
    }

    [Fact]
    public async Task An_smb_lead_at_a_paid_customer_is_converted_and_the_account_owner_notified_instead_of_sequenced()
    {
        using var alerts = _hub.Presence.WatchRepAlerts(new WatchRepAlertsRequest { RepId = "005AE0010000000YAA" });
        // The stream is live once its headers arrive; an alert sent before would be missed and the wait below hang.
        await alerts.ResponseHeadersAsync;
        var decision = await _hub.RouteLeadAsync(SandboxHub.Lead("buyer@tinywidgets.io", "Tiny Widgets", "US"));

        Assert.Equal("", decision.Target.Sequence);
        await SandboxHub.EventuallyAsync(
            () =>
                Crm.Records("Contact")
                    .Any(c =>
                        (string?)c["Email"] == "buyer@tinywidgets.io" && (string?)c["AccountId"] == "001C0ADD7C5A2E4IXK"
                    ),
            "the contact on Tiny Widgets"
        );
        // convertLead() makes the contact and converts the lead in one call; both are read back from the fake.
        await SandboxHub.EventuallyAsync(
            () => CrmLead("buyer@tinywidgets.io")?.GetValueOrDefault("IsConverted") is true,
            "the lead marked converted"
        );
        using var patience = new CancellationTokenSource(Eventually.Limit);
        Assert.True(await alerts.ResponseStream.MoveNext(patience.Token));
        Assert.Equal(AlertKind.Notification, alerts.ResponseStream.Current.Kind);
        Assert.Equal(decision.Id, alerts.ResponseStream.Current.DecisionId);
        Assert.Empty(Sequencer.ProspectsWithEmail("buyer@tinywidgets.io"));
    }

    [Fact]
    public async Task An_actively_working_bdr_without_recent_activity_loses_the_lead_and_is_told_with_their_manager()
    {
        using var bdr = _hub.Presence.WatchRepAlerts(new WatchRepAlertsRequest { RepId = "005BDR020000000YBA" });
        using var manager = _hub.Presence.WatchRepAlerts(new WatchRepAlertsRequest { RepId = "005MGR010000000YBA" });
        await bdr.ResponseHeadersAsync;
        await manager.ResponseHeadersAsync;
        var decision = await _hub.RouteLeadAsync(SandboxHub.Lead("ops@wayne.com", "Wayne Enterprises", "US"));

        Assert.NotEqual("005BDR020000000YBA", decision.Target.RepId);
        Assert.Contains(decision.Explanation.Fallbacks, f => f.Fallback == "bdr_inactive_to_sdr_team");
        Assert.Equal(
            ["005BDR020000000YBA", "005MGR010000000YBA"],
            decision.Explanation.Notifications.Where(n => n.Reason == "bdr_inactive").Select(n => n.RecipientId)
        );
        using var patience = new CancellationTokenSource(Eventually.Limit);
        Assert.True(await bdr.ResponseStream.MoveNext(patience.Token));
        Assert.True(await manager.ResponseStream.MoveNext(patience.Token));
        Assert.Contains("Wayne Enterprises", manager.ResponseStream.Current.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_lead_submitted_twice_at_once_makes_one_decision_one_crm_lead_and_one_enrolment()
    {
        var lead = SandboxHub.Lead("twice@acme.com", "Acme Corp", "US", "VP Operations");
        var both = await Task.WhenAll(
            _hub.RouteLeadAsync(lead, requestId: "form-42"),
            _hub.RouteLeadAsync(lead, requestId: "form-42")
        );

        Assert.Equal(both[0].Id, both[1].Id);
        await SandboxHub.EventuallyAsync(
            () => Sequencer.ProspectsWithEmail("twice@acme.com").SingleOrDefault().States is [_],
            "the enrolment"
        );
        // Both calls have answered, so any second lead or enrolment would be queued by now.
        await _hub.OutboxDrainedAsync();
        Assert.Single(Crm.Records("Lead"), l => (string?)l["Email"] == "twice@acme.com");
        Assert.Single(Sequencer.ProspectsWithEmail("twice@acme.com"));
        var listed = await _hub.Routing.ListDecisionsAsync(new ListDecisionsRequest { PageSize = 500 });
        Assert.Single(listed.Decisions, d => d.RequestId == "form-42");
    }

    [Fact]
    public async Task The_same_person_from_two_forms_updates_one_crm_lead()
    {
        await _hub.RouteLeadAsync(SandboxHub.Lead("again@brand-new-startup.io", "Brand New Startup", "DE"));
        await SandboxHub.EventuallyAsync(
            () => CrmLead("again@brand-new-startup.io") is { } l && (string?)l["Status"] == "Accepted",
            "the first form's lead, enrolled"
        );
        _hub.Time.Advance(TimeSpan.FromMinutes(5));
        await _hub.RouteLeadAsync(SandboxHub.Lead("again@brand-new-startup.io", "Brand New Startup", "DE", "CTO"));

        await SandboxHub.EventuallyAsync(
            () => CrmLead("again@brand-new-startup.io") is { } l && (string?)l["Title"] == "CTO",
            "the second form's update"
        );
        Assert.Single(Crm.Records("Lead"), l => (string?)l["Email"] == "again@brand-new-startup.io");
    }

    public static TheoryData<string, Action<LeadSubmission>> BadLeads =>
        new()
        {
            { "lead.email", l => l.Email = "not-an-email" },
            { "lead.last_name", l => l.LastName = "" },
            { "lead.company", l => l.Company = new string('x', 300) },
            { "lead.country_code", l => l.CountryCode = "U1" },
            { "lead.lead_score", l => l.LeadScore = -5 },
            { "lead.linkedin_url", l => l.LinkedinUrl = "javascript:alert(1)" },
            { "lead.phone", l => l.Phone = "call me maybe" },
            { "lead.developer_count", l => l.DeveloperCount = -1 },
        };

    [Theory]
    [MemberData(nameof(BadLeads))]
    public async Task Bad_input_is_invalid_argument_naming_the_field_and_nothing_is_stored_or_sent(
        string field,
        Action<LeadSubmission> spoil
    )
    {
        var lead = SandboxHub.Lead("valid@acme.com", "Acme Corp", "US");
        spoil(lead);
        Crm.ResetLog();

        var error = await RpcAssert.FailsWith(StatusCode.InvalidArgument, () =>
            _hub.Routing.RouteLeadAsync(new RouteLeadRequest { RequestId = "bad-1", Lead = lead }).ResponseAsync
        );

        Assert.Equal([field], RpcAssert.ViolatedFields(error));
        Assert.Empty((await _hub.Routing.ListDecisionsAsync(new ListDecisionsRequest())).Decisions);
        Assert.Empty(Crm.Requests);
    }

    [Fact]
    public async Task A_request_without_a_lead_or_request_id_lists_both_problems()
    {
        var error = await RpcAssert.FailsWith(StatusCode.InvalidArgument, () =>
            _hub.Routing.RouteLeadAsync(new RouteLeadRequest()).ResponseAsync
        );

        Assert.Equal(["lead", "request_id"], RpcAssert.ViolatedFields(error).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task The_owner_upsert_is_a_leads_one_urgent_effect_so_a_burst_sends_it_before_the_rest()
    {
        var routed = await _hub.RouteLeadAsync(SandboxHub.Lead("first.buyer@brand-new-startup.io", "Brand New", "US"));
        var outbox = _hub.Services.GetRequiredService<OutboxStore>();

        // Pending first: an effect delivered between the reads is then read twice (once per state), never missed, and
        // counted once by its id.
        var effects = new Dictionary<string, IntegrationHub.Storage.Outbox.OutboxEffect>();
        foreach (var state in new[] { EffectState.Pending, EffectState.Delivered, EffectState.Dead })
        {
            foreach (var effect in await outbox.ListAsync(state, 10_000, CancellationToken.None))
            {
                if (effect.DecisionId == routed.Id)
                {
                    effects.TryAdd(effect.Id, effect);
                }
            }
        }

        Assert.Equal(
            [EffectTypes.UpsertLead],
            effects.Values.Where(e => e.Priority == EffectPriority.Urgent).Select(e => e.Type)
        );
        Assert.Contains(effects.Values, e => e.Priority == EffectPriority.Normal && e.Type == EffectTypes.Enroll);
    }

    private IReadOnlyDictionary<string, object?>? CrmLead(string email) => Crm.LeadsWithEmail(email).LastOrDefault();
}
