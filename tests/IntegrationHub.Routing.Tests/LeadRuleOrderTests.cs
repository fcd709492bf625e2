using IntegrationHub.Routing.Decisions;
using IntegrationHub.Routing.Leads;
using IntegrationHub.Routing.Policy;
using IntegrationHub.Routing.Rules;
using IntegrationHub.Routing.Simulation;
using IntegrationHub.Sdk.Capabilities.Crm;

namespace IntegrationHub.Routing.Tests;

/// <summary>The lead rules are tried in the policy's order (<c>leads.rules</c>), live and in a simulation.</summary>
public sealed class LeadRuleOrderTests
{
    private static readonly IReadOnlyList<string> PublicSectorBeforeCustomers =
    [
        LeadRuleNames.Spam,
        LeadRuleNames.MqlThreshold,
        LeadRuleNames.PartnerProspecting,
        LeadRuleNames.PublicSector,
        LeadRuleNames.CustomerConversion,
        LeadRuleNames.AccountStatus,
        LeadRuleNames.NoAccount,
    ];

    private readonly RoutingScenario _world = new();

    public LeadRuleOrderTests()
    {
        // A paid SMB customer that is also US public sector: the order of the two rules decides where its leads go.
        _world.Vendors.AccountsByDomain["cityofhope.gov"] = new Account
        {
            Id = "001HOPE00000000YDA",
            Name = "City of Hope",
            Domain = "cityofhope.gov",
            CountryCode = "US",
            PublicSector = true,
            Segment = AccountSegment.Smb,
            TotalCarrCents = 10_000,
            PaidTier = true,
            OwnerUserId = "sdr-eu-1",
        };
    }

    private RoutingPolicy Ordered(IReadOnlyList<string> rules) =>
        _world.Policy with
        {
            Leads = _world.Policy.Leads with { Rules = rules },
        };

    [Fact]
    public async Task The_first_rule_in_the_policys_order_that_decides_wins()
    {
        var byDefault = await _world.RouteLeadAsync("clerk@cityofhope.gov", company: "City of Hope");
        _world.Policy = Ordered(PublicSectorBeforeCustomers);
        var reordered = await _world.RouteLeadAsync("mayor@cityofhope.gov", company: "City of Hope");

        Assert.Equal(LeadRuleNames.CustomerConversion, byDefault.MatchedRule);
        Assert.Equal("sdr-eu-1", byDefault.Target.RepId);
        Assert.Equal(LeadRuleNames.PublicSector, reordered.MatchedRule);
        Assert.Equal("pubsec", reordered.Target.Pool);
        var skipped = reordered.Explanation.Rules.Single(r => r.Rule == LeadRuleNames.CustomerConversion);
        Assert.Equal((RuleOutcome.Skipped, "public_sector decided first"), (skipped.Outcome, skipped.Reason));
    }

    [Fact]
    public async Task A_rule_the_policy_leaves_out_is_not_tried()
    {
        _world.Vendors.AccountsByDomain["partner.com"] = new Account
        {
            Id = "001PART00000000YDA",
            Name = "Partner",
            Domain = "partner.com",
            CountryCode = "US",
            PartnerProspectingStatus = "Partner Prospecting",
        };
        _world.Policy = Ordered([.. LeadRuleNames.All.Where(r => r != LeadRuleNames.PartnerProspecting)]);

        var decision = await _world.RouteLeadAsync("p@partner.com", company: "Partner");

        Assert.Equal(LeadRuleNames.AccountStatus, decision.MatchedRule);
        Assert.Equal(TargetKind.HumanRep, decision.Target.Kind);
        Assert.DoesNotContain(decision.Explanation.Rules, r => r.Rule == LeadRuleNames.PartnerProspecting);
    }

    [Fact]
    public async Task A_simulation_replays_each_policy_in_its_own_rule_order()
    {
        var recorded = await _world.RouteLeadAsync("clerk@cityofhope.gov", company: "City of Hope");
        var simulation = new PolicySimulation(_world.Policy, Ordered(PublicSectorBeforeCustomers));

        await simulation.ReplayAsync(recorded, CancellationToken.None);
        var report = simulation.Report();

        Assert.Equal((1, 1, 1), (report.Replayed, report.Reproduced, report.Moved));
        var move = Assert.Single(report.ByRule);
        Assert.Equal((LeadRuleNames.CustomerConversion, LeadRuleNames.PublicSector), (move.From, move.To));
    }
}
