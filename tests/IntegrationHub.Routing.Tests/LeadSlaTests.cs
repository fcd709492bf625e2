using IntegrationHub.Routing.Decisions;
using IntegrationHub.Routing.Leads;
using IntegrationHub.Routing.Policy;
using IntegrationHub.Routing.Rules;
using IntegrationHub.Routing.Simulation;
using IntegrationHub.Sdk.Capabilities.Crm;

namespace IntegrationHub.Routing.Tests;

/// <summary>
/// The lead SLA in the routing engine: which decisions arm it and with what, how the reassignment picks the next rep,
/// what counts as the owner taking the lead, its validation and its simulation.
/// </summary>
public sealed class LeadSlaTests
{
    private readonly RoutingScenario _world = new();

    private void Sla(int minutes, Dictionary<string, int>? byRule = null) =>
        _world.Policy = _world.Policy with
        {
            Leads = _world.Policy.Leads with
            {
                Sla = new LeadSlaPolicy { Minutes = minutes, ByRule = byRule ?? [] },
            },
        };

    private static LeadSlaDue Due(LeadDecision decision) =>
        new(decision.Id, decision.RequestId, decision.CreatedAt, decision.LeadKey, "jane@newco.io", decision.Sla!);

    private static Person CrmLead(string owner, LeadStatus status = LeadStatus.Accepted) =>
        new()
        {
            Id = "00Q000000000001AAA",
            Kind = PersonKind.Lead,
            Email = "jane@newco.io",
            LastName = "Doe",
            Company = "Newco",
            Status = status,
            OwnerUserId = owner,
        };

    [Fact]
    public async Task A_lead_picked_from_a_pool_gets_the_policys_minutes_and_that_pool_next_and_says_so()
    {
        Sla(15);

        var decision = await _world.RouteLeadAsync("jane@newco.io", company: "Newco");

        var sla = Assert.IsType<LeadSla>(decision.Sla);
        Assert.Equal("sdr-amer", decision.Target.Pool);
        Assert.Equal((15, "sdr-amer", decision.Target.RepId), (sla.Minutes, sla.ThenPool, sla.OwnerId));
        Assert.Equal(decision.CreatedAt.AddMinutes(15), sla.DueAt);
        var explained = Assert.Single(decision.Explanation.Rules, r => r.Rule == LeadSla.RuleName).Reason;
        Assert.StartsWith(
            $"SLA 15 min → then round robin of sdr-amer without {decision.Target.RepName}",
            explained,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public async Task A_rep_named_by_a_rule_has_the_sdr_team_of_the_region_next_and_a_rule_can_have_its_own_minutes()
    {
        Sla(15, new() { [LeadRuleNames.AccountStatus] = 60, [LeadRuleNames.NoAccount] = 0 });
        _world.Vendors.AccountsByDomain["locked.com"] = new Account
        {
            Id = "001LOCK00000000YDA",
            Name = "Locked",
            Domain = "locked.com",
            CountryCode = "FR",
            BdrProspectingStatus = BdrProspectingStatus.Restricted,
            BdrAssignedUserId = "bdr-1",
        };

        var restricted = await _world.RouteLeadAsync("it@locked.com", company: "Locked");
        var noAccount = await _world.RouteLeadAsync("jane@newco.io", company: "Newco");

        Assert.Equal(("bdr-1", null), (restricted.Target.RepId, restricted.Target.Pool));
        Assert.Equal((60, "sdr-emea"), (restricted.Sla!.Minutes, restricted.Sla.ThenPool));
        Assert.Null(noAccount.Sla);
        Assert.DoesNotContain(noAccount.Explanation.Rules, r => r.Rule == LeadSla.RuleName);
    }

    [Fact]
    public async Task Leads_not_given_to_a_rep_and_policies_without_minutes_arm_nothing()
    {
        var withoutSla = await _world.RouteLeadAsync("jane@newco.io", company: "Newco");
        Sla(15);
        var belowMql = await _world.RouteLeadAsync("joe@newco.io", company: "Newco", score: 40);

        Assert.Null(withoutSla.Sla);
        Assert.Equal(TargetKind.NotRouted, belowMql.Target.Kind);
        Assert.Null(belowMql.Sla);
    }

    [Fact]
    public async Task The_reassignment_takes_the_pools_next_rep_without_the_first_owner_and_tells_owner_and_manager()
    {
        Sla(15);
        var routed = await _world.RouteLeadAsync("jane@newco.io", company: "Newco");
        var first = routed.Target.RepId!;
        _world.Time.Advance(TimeSpan.FromMinutes(16));

        var moved = await LeadSlaReassignment.DecideAsync(
            Due(routed),
            CrmLead(first),
            "mgr-1",
            _world.Policy,
            _world.Time.GetUtcNow(),
            _world.RoundRobin,
            CancellationToken.None
        );

        Assert.Equal(LeadSla.RuleName, moved.MatchedRule);
        Assert.Equal(routed.RequestId + "/sla", moved.RequestId);
        Assert.NotEqual(first, moved.Target.RepId);
        Assert.Contains(moved.Target.RepId, new[] { "sdr-us-1", "sdr-us-2", "sdr-us-3" });
        var upsert = Assert.Single(moved.Effects.OfType<UpsertLeadEffect>());
        Assert.Equal((moved.Target.RepId, LeadStatus.Accepted), (upsert.Lead.OwnerUserId, upsert.Lead.Status));
        Assert.Equal(
            [(moved.Target.RepId!, "lead_reassigned"), (first, "lead_sla_missed"), ("mgr-1", "lead_sla_missed")],
            moved.Explanation.Notifications.Select(n => (n.RecipientId, n.Reason))
        );
        var rule = Assert.Single(moved.Explanation.Rules);
        Assert.Contains(rule.Facts, f => f.Name == "original_decision" && f.Value == routed.Id);
    }

    [Fact]
    public async Task Reps_at_their_cap_are_passed_over_by_the_reassignment_with_the_reason()
    {
        Sla(15);
        var routed = await _world.RouteLeadAsync("jane@newco.io", company: "Newco");
        var first = routed.Target.RepId!;
        var others = new[] { "sdr-us-1", "sdr-us-2", "sdr-us-3" }.Where(r => r != first).ToList();
        _world.Policy = _world.Policy with
        {
            Reps =
            [
                .. _world.Policy.Reps.Select(r =>
                    others.Contains(r.Id) ? r with { Caps = new WorkCaps { LeadsPerDay = 1 } } : r
                ),
            ],
        };
        _world.Time.Advance(TimeSpan.FromMinutes(16));
        var now = _world.Time.GetUtcNow();
        foreach (var other in others)
        {
            _world.RoundRobin.Work.Take(
                _world.Policy,
                new RoutingTarget(TargetKind.HumanRep, other),
                WorkChannel.Lead,
                now
            );
        }

        var kept = await LeadSlaReassignment.DecideAsync(
            Due(routed),
            CrmLead(first),
            "mgr-1",
            _world.Policy,
            now,
            _world.RoundRobin,
            CancellationToken.None
        );

        Assert.Equal(first, kept.Target.RepId);
        Assert.Equal(
            others.Count,
            kept.Explanation.Fallbacks.Count(f =>
                f.Fallback == "rep_capped" && f.Reason.Contains("1 of 1 leads", StringComparison.Ordinal)
            )
        );
    }

    [Fact]
    public async Task With_nobody_else_in_the_pool_the_lead_stays_and_the_manager_hears_of_it()
    {
        Sla(15);
        var routed = await _world.RouteLeadAsync("jane@newco.de", company: "Newco", country: "DE");
        Assert.Equal(("sdr-emea", "sdr-eu-1"), (routed.Target.Pool, routed.Target.RepId));

        var kept = await LeadSlaReassignment.DecideAsync(
            Due(routed),
            CrmLead("sdr-eu-1"),
            "mgr-1",
            _world.Policy,
            _world.Time.GetUtcNow(),
            _world.RoundRobin,
            CancellationToken.None
        );

        Assert.Equal("sdr-eu-1", kept.Target.RepId);
        Assert.Contains(kept.Explanation.Fallbacks, f => f.Fallback == "no_other_lead_taker");
        Assert.DoesNotContain(kept.Effects, e => e is UpsertLeadEffect);
        Assert.Contains(kept.Explanation.Notifications, n => n.RecipientId == "mgr-1");
    }

    [Fact]
    public async Task An_accepted_status_an_activity_by_the_owner_or_another_owner_keeps_the_lead()
    {
        Sla(15);
        var routed = await _world.RouteLeadAsync("jane@newco.io", company: "Newco");
        var due = Due(routed);
        var owner = routed.Target.RepId!;
        var sla = _world.Policy.Leads.Sla;

        Assert.Null(LeadSlaReassignment.WhyKept(due, CrmLead(owner), null, sla));
        Assert.Contains(
            "Qualifying",
            LeadSlaReassignment.WhyKept(due, CrmLead(owner, LeadStatus.Qualifying), null, sla),
            StringComparison.Ordinal
        );
        Assert.NotNull(LeadSlaReassignment.WhyKept(due, CrmLead(owner), routed.CreatedAt.AddMinutes(3), sla));
        Assert.Contains(
            "someone",
            LeadSlaReassignment.WhyKept(due, CrmLead("other"), null, sla),
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void A_bad_sla_is_refused_with_the_path_of_each_problem()
    {
        var policy = _world.Policy with
        {
            Leads = _world.Policy.Leads with
            {
                Sla = new LeadSlaPolicy
                {
                    Minutes = -1,
                    ByRule = new Dictionary<string, int> { ["geo_pool"] = 5, ["no_account"] = 20_000 },
                    AcceptedStatuses = [LeadStatus.Qualifying, LeadStatus.Mql],
                    RetryMinutes = 0,
                },
            },
        };

        var problems = PolicyValidator.Validate(policy);

        Assert.Equal(
            [
                "leads.sla.minutes",
                "leads.sla.byRule.geo_pool",
                "leads.sla.byRule.no_account",
                "leads.sla.acceptedStatuses[1]",
                "leads.sla.retryMinutes",
            ],
            problems.Select(p => p[..p.IndexOf(':', StringComparison.Ordinal)])
        );
    }

    [Fact]
    public async Task A_simulation_shows_the_sla_a_candidate_would_arm()
    {
        var recorded = await _world.RouteLeadAsync("jane@newco.io", company: "Newco");
        var running = _world.Policy;
        Sla(15);
        var simulation = new PolicySimulation(running, _world.Policy);

        await simulation.ReplayAsync(recorded, CancellationToken.None);

        var moved = Assert.Single(simulation.Report().Examples);
        Assert.Equal(recorded.Target.RepName, moved.TargetBefore);
        Assert.Equal(
            $"{recorded.Target.RepName}, SLA 15 min → then round robin of sdr-amer without {recorded.Target.RepName}",
            moved.TargetAfter
        );
    }
}
