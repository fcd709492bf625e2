using IntegrationHub.Routing.Assignment;
using IntegrationHub.Routing.Decisions;
using IntegrationHub.Routing.Leads;
using IntegrationHub.Routing.Rules;
using IntegrationHub.Sdk.Capabilities.Crm;

namespace IntegrationHub.Routing.Tests;

/// <summary>The inbound-lead rules of engagement, both outcomes of each condition.</summary>
public sealed class LeadRoutingTests
{
    private readonly RoutingScenario _world = new();

    private DateTimeOffset Now => _world.Time.GetUtcNow();

    private Account AddAccount(string domain, Func<Account, Account>? change = null)
    {
        var account = new Account
        {
            Id = "001" + domain,
            Name = domain.Split('.')[0],
            Domain = domain,
            CountryCode = "US",
            UltimateParentId = "001" + domain,
            Segment = AccountSegment.MidMarket,
        };
        account = change?.Invoke(account) ?? account;
        _world.Vendors.AccountsByDomain[domain] = account;
        return account;
    }

    private static T Effect<T>(LeadDecision decision) => decision.Effects.OfType<T>().Single();

    [Fact]
    public async Task Forged_name_at_a_disposable_domain_is_flagged_as_spam_and_never_routed()
    {
        var decision = await _world.RouteLeadAsync("batman@mailinator.com", first: "Batman", last: "Batman");

        Assert.Equal(TargetKind.Spam, decision.Target.Kind);
        Assert.Equal(LeadRuleNames.Spam, decision.MatchedRule);
        Assert.True(decision.Spam.Confidence >= 0.98);
        Assert.Contains("first name equals last name", decision.Spam.Reasons);
        Assert.Equal(LeadStatus.Spam, Assert.IsType<UpsertLeadEffect>(Assert.Single(decision.Effects)).Lead.Status);
        Assert.Empty(decision.Explanation.Sources);
    }

    [Fact]
    public async Task A_single_weak_spam_signal_is_noted_but_the_lead_is_routed()
    {
        var decision = await _world.RouteLeadAsync("x@newco.io", company: "Qwrtzplk");
        Assert.NotEqual(TargetKind.Spam, decision.Target.Kind);
        Assert.Contains(
            "gibberish",
            decision.Explanation.Rules.Single(r => r.Rule == LeadRuleNames.Spam).Reason,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public async Task Below_the_mql_threshold_the_lead_is_recorded_not_routed()
    {
        var decision = await _world.RouteLeadAsync("jane@newco.io", score: 99);
        Assert.Equal(TargetKind.NotRouted, decision.Target.Kind);
        Assert.Equal(LeadRuleNames.MqlThreshold, decision.MatchedRule);
        Assert.Equal(LeadStatus.Open, Effect<UpsertLeadEffect>(decision).Lead.Status);
        Assert.DoesNotContain(decision.Effects, e => e is EnrollEffect or NotifyEffect);
    }

    [Fact]
    public async Task Partner_prospected_account_goes_to_the_marketing_queue_without_sequencing()
    {
        AddAccount("partner.com", a => a with { PartnerProspectingStatus = "Partner Prospecting" });
        var decision = await _world.RouteLeadAsync("p@partner.com");
        Assert.Equal(TargetKind.MarketingQueue, decision.Target.Kind);
        Assert.Equal(_world.Policy.Leads.MarketingQueueUserId, Effect<UpsertLeadEffect>(decision).Lead.OwnerUserId);
        Assert.DoesNotContain(decision.Effects, e => e is EnrollEffect);
    }

    [Fact]
    public async Task Smb_lead_at_a_paid_customer_is_converted_and_the_owner_notified_instead_of_sequenced()
    {
        AddAccount("paid.com", a =>
            a with
            {
                Segment = AccountSegment.Smb,
                TotalCarrCents = 4_800,
                PaidTier = true,
                OwnerUserId = "sdr-eu-1",
            }
        );
        var decision = await _world.RouteLeadAsync("c@paid.com");

        Assert.Equal(LeadRuleNames.CustomerConversion, decision.MatchedRule);
        Assert.Equal("001paid.com", Effect<ConvertLeadEffect>(decision).AccountId);
        Assert.Equal("sdr-eu-1", Effect<NotifyEffect>(decision).RecipientId);
        Assert.DoesNotContain(decision.Effects, e => e is EnrollEffect);
    }

    [Fact]
    public async Task A_hierarchy_below_the_carr_threshold_is_a_land_account_worked_as_usual()
    {
        AddAccount("land.com", a =>
            a with
            {
                Segment = AccountSegment.Smb,
                TotalCarrCents = 4_799,
                PaidTier = true,
                BdrProspectingStatus = BdrProspectingStatus.Queued,
            }
        );
        var decision = await _world.RouteLeadAsync("l@land.com");
        Assert.Contains(
            "Land account",
            decision.Explanation.Rules.Single(r => r.Rule == LeadRuleNames.CustomerConversion).Reason,
            StringComparison.Ordinal
        );
        Assert.Equal(LeadRuleNames.AccountStatus, decision.MatchedRule);
    }

    [Fact]
    public async Task A_large_customer_is_not_converted_because_the_hierarchy_takes_its_largest_segment()
    {
        var parent = AddAccount("bigco.com", a => a with { Segment = AccountSegment.Large, TotalCarrCents = 900_000 });
        AddAccount("smallsub.com", a =>
            a with
            {
                Segment = AccountSegment.Smb,
                PaidTier = true,
                UltimateParentId = parent.Id,
                ParentAccountId = parent.Id,
            }
        );
        var decision = await _world.RouteLeadAsync("s@smallsub.com");
        Assert.NotEqual(LeadRuleNames.CustomerConversion, decision.MatchedRule);
        Assert.Contains(
            "segment Large",
            decision.Explanation.Rules.Single(r => r.Rule == LeadRuleNames.CustomerConversion).Reason,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public async Task Us_account_with_public_sector_words_goes_round_robin_to_pubsec_bdrs()
    {
        AddAccount("county.org", a => a with { Description = "Government of the County of Test" });
        var first = await _world.RouteLeadAsync("a@county.org");
        var second = await _world.RouteLeadAsync("b@county.org");
        Assert.Equal(LeadRuleNames.PublicSector, first.MatchedRule);
        Assert.Equal(["pub-1", "pub-2"], new[] { first.Target.RepId!, second.Target.RepId! }.Order());
    }

    [Fact]
    public async Task Canadian_government_goes_to_the_amer_commercial_team()
    {
        AddAccount("gov.ca", a => a with { CountryCode = "CA", Description = "Provincial Government ministry" });
        var decision = await _world.RouteLeadAsync("g@gov.ca", country: "CA");
        Assert.Equal(LeadRuleNames.PublicSector, decision.MatchedRule);
        Assert.Equal("sdr-amer", decision.Target.Pool);
    }

    [Fact]
    public async Task A_non_us_university_goes_to_the_commercial_team_of_its_territory()
    {
        AddAccount("uni.fr", a => a with { CountryCode = "FR", Description = "Public University" });
        var decision = await _world.RouteLeadAsync("u@uni.fr", country: "FR");
        Assert.Equal(
            RuleOutcome.NotMatched,
            decision.Explanation.Rules.Single(r => r.Rule == LeadRuleNames.PublicSector).Outcome
        );
        Assert.Equal("sdr-emea", decision.Target.Pool);
    }

    [Fact]
    public async Task Actively_working_with_recent_bdr_activity_goes_to_the_bdr()
    {
        var account = AddAccount("aw.com", a =>
            a with
            {
                BdrProspectingStatus = BdrProspectingStatus.ActivelyWorking,
                BdrAssignedUserId = "bdr-1",
            }
        );
        _world.Vendors.Activities.Add(new Activity("t1", account.Id, "bdr-1", ActivityKind.Call, Now.AddDays(-29)));
        var decision = await _world.RouteLeadAsync("w@aw.com");
        Assert.Equal("bdr-1", decision.Target.RepId);
        Assert.DoesNotContain(decision.Effects.OfType<NotifyEffect>(), n => n.Reason == "bdr_inactive");
    }

    [Fact]
    public async Task Actively_working_with_only_a_recent_related_lead_touch_goes_to_the_bdr()
    {
        var account = AddAccount("aw.com", a =>
            a with
            {
                BdrProspectingStatus = BdrProspectingStatus.ActivelyWorking,
                BdrAssignedUserId = "bdr-1",
            }
        );
        _world.Vendors.People.Add(
            new Person
            {
                Id = "00Qx",
                AccountId = account.Id,
                Email = "old@aw.com",
                OwnerUserId = "bdr-1",
                Status = LeadStatus.Recycle,
                LastActivityAt = Now.AddDays(-3),
            }
        );
        var decision = await _world.RouteLeadAsync("w@aw.com");
        Assert.Equal("bdr-1", decision.Target.RepId);
        Assert.Contains(
            "on a related lead",
            decision.Explanation.Rules.Single(r => r.Rule == LeadRuleNames.AccountStatus).Reason,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public async Task Actively_working_with_stale_bdr_goes_to_the_sdr_team_and_notifies_bdr_and_manager()
    {
        var account = AddAccount("aw.com", a =>
            a with
            {
                BdrProspectingStatus = BdrProspectingStatus.ActivelyWorking,
                BdrAssignedUserId = "bdr-1",
            }
        );
        _world.Vendors.Activities.Add(new Activity("t1", account.Id, "bdr-1", ActivityKind.Call, Now.AddDays(-31)));
        _world.Vendors.Users["bdr-1"] = new CrmUser("bdr-1", "BDR One", "bdr1@hub.test", "mgr-1");

        var decision = await _world.RouteLeadAsync("w@aw.com");

        Assert.Equal("sdr-amer", decision.Target.Pool);
        Assert.Equal(
            ["bdr-1", "mgr-1"],
            decision
                .Effects.OfType<NotifyEffect>()
                .Where(n => n.Reason == "bdr_inactive")
                .Select(n => n.RecipientId)
                .Order()
        );
        Assert.Contains(decision.Explanation.Fallbacks, f => f.Fallback == "bdr_inactive_to_sdr_team");
    }

    [Fact]
    public async Task Restricted_goes_to_the_bdr_and_tells_the_owner()
    {
        AddAccount("r.com", a =>
            a with
            {
                BdrProspectingStatus = BdrProspectingStatus.Restricted,
                BdrAssignedUserId = "bdr-1",
                OwnerUserId = "owner-1",
            }
        );
        var decision = await _world.RouteLeadAsync("r@r.com");
        Assert.Equal("bdr-1", decision.Target.RepId);
        Assert.Contains(decision.Effects.OfType<NotifyEffect>(), n =>
            n.RecipientId == "owner-1" && n.Reason == "restricted_account"
        );
    }

    [Theory]
    [InlineData(BdrProspectingStatus.Queued)]
    [InlineData(BdrProspectingStatus.WorkedInFy)]
    public async Task Queued_and_worked_in_fy_go_to_the_sdr_team(BdrProspectingStatus status)
    {
        AddAccount("q.com", a => a with { BdrProspectingStatus = status, BdrAssignedUserId = "bdr-1" });
        var decision = await _world.RouteLeadAsync("q@q.com");
        Assert.Equal("sdr-amer", decision.Target.Pool);
        Assert.NotEqual("bdr-1", decision.Target.RepId);
    }

    [Fact]
    public async Task No_matched_account_goes_to_the_sdr_team_of_the_leads_country()
    {
        var decision = await _world.RouteLeadAsync("n@nowhere.de", company: "Nowhere GmbH", country: "DE");
        Assert.Equal(LeadRuleNames.NoAccount, decision.MatchedRule);
        Assert.Equal("sdr-emea", decision.Target.Pool);
        Assert.Equal("sdr-eu-1", decision.Target.RepId);
    }

    [Fact]
    public async Task An_account_is_matched_by_company_name_when_the_email_is_free_mail()
    {
        AddAccount("named.com", a =>
            a with
            {
                Name = "Named Inc",
                BdrProspectingStatus = BdrProspectingStatus.Restricted,
                BdrAssignedUserId = "bdr-1",
            }
        );
        var decision = await _world.RouteLeadAsync("someone@gmail.com", company: "named inc");
        Assert.Equal("bdr-1", decision.Target.RepId);
        Assert.Contains(decision.Explanation.Rules.Single(r => r.Rule == LeadRuleNames.AccountStatus).Facts, f =>
            f.Name == "account.matched_by" && f.Value == "company_name"
        );
    }

    [Fact]
    public async Task A_related_mql_sends_both_leads_to_the_owner_with_the_earliest_mql_date()
    {
        _world.Vendors.People.Add(
            new Person
            {
                Id = "00Q1",
                Company = "Relco",
                Email = "first@relco.io",
                Status = LeadStatus.Mql,
                MqlAt = Now.AddDays(-2),
                OwnerUserId = "sdr-us-2",
            }
        );
        _world.Vendors.People.Add(
            new Person
            {
                Id = "00Q2",
                Company = "Relco",
                Email = "second@relco.io",
                Status = LeadStatus.Mql,
                MqlAt = Now.AddDays(-1),
                OwnerUserId = "sdr-us-1",
            }
        );
        var decision = await _world.RouteLeadAsync("third@relco.io", company: "Relco");
        Assert.Equal("sdr-us-2", decision.Target.RepId);
        Assert.Equal(LeadRuleNames.RelatedLeads, decision.MatchedRule);
        Assert.Equal(
            RuleOutcome.Matched,
            decision.Explanation.Rules.Single(r => r.Rule == LeadRuleNames.RelatedLeads).Outcome
        );
    }

    [Fact]
    public async Task A_lead_kept_by_a_related_leads_owner_names_related_leads_not_the_status_rule_that_sent_it_on()
    {
        var account = AddAccount("queued.com", a => a with { BdrProspectingStatus = BdrProspectingStatus.Queued });
        _world.Vendors.People.Add(
            new Person
            {
                Id = "00Q1",
                AccountId = account.Id,
                Email = "first@queued.com",
                Status = LeadStatus.Mql,
                MqlAt = Now.AddDays(-2),
                OwnerUserId = "sdr-us-2",
            }
        );

        var decision = await _world.RouteLeadAsync("second@queued.com", company: "Queued");

        Assert.Equal("sdr-us-2", decision.Target.RepId);
        Assert.Equal(LeadRuleNames.RelatedLeads, decision.MatchedRule);
        var rules = decision.Explanation.Rules.ToDictionary(r => r.Rule);
        Assert.Equal(RuleOutcome.Matched, rules[LeadRuleNames.AccountStatus].Outcome);
        Assert.Equal("account_status decided first", rules[LeadRuleNames.NoAccount].Reason);
    }

    [Fact]
    public async Task A_related_lead_being_worked_keeps_its_owner_but_a_stale_one_does_not()
    {
        _world.Vendors.People.Add(
            new Person
            {
                Id = "00Q1",
                Company = "Workco",
                Email = "a@workco.io",
                Status = LeadStatus.Qualifying,
                NextTaskAt = Now.AddDays(2),
                OwnerUserId = "sdr-us-2",
            }
        );
        _world.Vendors.People.Add(
            new Person
            {
                Id = "00Q2",
                Company = "Staleco",
                Email = "a@staleco.io",
                Status = LeadStatus.Accepted,
                LastActivityAt = Now.AddDays(-31),
                OwnerUserId = "sdr-us-2",
            }
        );

        var working = await _world.RouteLeadAsync("b@workco.io", company: "Workco");
        var stale = await _world.RouteLeadAsync("b@staleco.io", company: "Staleco");

        Assert.Equal("sdr-us-2", working.Target.RepId);
        Assert.Equal(LeadRuleNames.RelatedLeads, working.MatchedRule);
        Assert.Equal("sdr-amer", stale.Target.Pool);
        Assert.Equal(LeadRuleNames.NoAccount, stale.MatchedRule);
        Assert.Equal(
            RuleOutcome.NotMatched,
            stale.Explanation.Rules.Single(r => r.Rule == LeadRuleNames.RelatedLeads).Outcome
        );
    }

    [Fact]
    public async Task Round_robin_weights_leads_by_routing_level()
    {
        var counts = new Dictionary<string, int>();
        for (var i = 0; i < 250; i++)
        {
            var decision = await _world.RouteLeadAsync($"lead{i}@co{i}.io", company: $"Co {i}");
            counts[decision.Target.RepId!] = counts.GetValueOrDefault(decision.Target.RepId!) + 1;
        }

        Assert.Equal(100, counts["sdr-us-1"]);
        Assert.Equal(100, counts["sdr-us-2"]);
        Assert.Equal(50, counts["sdr-us-3"]);
        Assert.False(counts.ContainsKey("sdr-us-4"));
    }

    [Theory]
    [InlineData(AccountSegment.Smb, "Analyst", "", "5002")]
    [InlineData(AccountSegment.Smb, "VP Sales", "", "5001")]
    [InlineData(AccountSegment.Large, "Analyst", "", "5001")]
    [InlineData(AccountSegment.Large, "Analyst", "free", "5002")]
    public async Task High_touch_needs_more_signals_for_smb_than_for_large(
        AccountSegment segment,
        string title,
        string freeMail,
        string sequence
    )
    {
        var domain = freeMail.Length > 0 ? "gmail.com" : "seg.com";
        AddAccount("seg.com", a =>
            a with
            {
                Name = "Seg",
                Segment = segment,
                BdrProspectingStatus = BdrProspectingStatus.Queued,
            }
        );
        var decision = await _world.RouteLeadAsync($"x@{domain}", company: "Seg", title: title);
        Assert.Equal(sequence, decision.Target.Sequence);
        Assert.Equal(sequence, Effect<EnrollEffect>(decision).SequenceId);
    }

    [Fact]
    public async Task Crm_down_degrades_to_the_sdr_team_and_says_why()
    {
        _world.Vendors.Down.Add("crm");
        var decision = await _world.RouteLeadAsync("d@down.com");
        Assert.True(decision.Degraded);
        Assert.Equal(TargetKind.HumanRep, decision.Target.Kind);
        Assert.Contains(
            "failed",
            decision.Explanation.Rules.Single(r => r.Rule == LeadRuleNames.NoAccount).Reason,
            StringComparison.Ordinal
        );
        // The rules about the lead's account could not be decided; "no matched account" would be a guess.
        var customer = decision.Explanation.Rules.Single(r => r.Rule == LeadRuleNames.CustomerConversion);
        Assert.Equal(RuleOutcome.Undecided, customer.Outcome);
        Assert.StartsWith("account unknown: StubForce failed", customer.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_same_request_upserts_the_same_lead_key_so_a_retry_cannot_create_a_second_lead()
    {
        var first = await _world.RouteLeadAsync("same@same.io", requestId: "req-1");
        var second = await _world.RouteLeadAsync("Same@Same.io", requestId: "req-1");
        Assert.Equal(first.LeadKey, second.LeadKey);
        Assert.Equal(Effect<UpsertLeadEffect>(first).IdempotencyKey, Effect<UpsertLeadEffect>(second).IdempotencyKey);
        Assert.NotEqual(first.LeadKey, (await _world.RouteLeadAsync("other@same.io", requestId: "req-1")).LeadKey);
    }
}
