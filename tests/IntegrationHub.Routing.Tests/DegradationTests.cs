using IntegrationHub.Routing.Decisions;
using IntegrationHub.Routing.Facts;
using IntegrationHub.Routing.Policy;
using IntegrationHub.Routing.Rules;
using static IntegrationHub.Routing.Tests.RoutingScenario;

namespace IntegrationHub.Routing.Tests;

/// <summary>A failing or late source degrades the decision, and the explanation says which and why.</summary>
public sealed class DegradationTests
{
    private readonly RoutingScenario _world = new();

    [Fact]
    public async Task Enrichment_down_still_routes_and_says_so()
    {
        _world.Vendors.Down.Add("enrichment");
        var decision = await _world.RouteAsync(AcmeIp);

        Assert.True(decision.Degraded);
        var company = Assert.Single(decision.Explanation.Sources, s => s.Source == "company");
        Assert.Equal(SourceStatus.Failed, company.Status);
        Assert.Equal("StubSense", company.Connector);
        Assert.Contains("enrichment is down", company.Error, StringComparison.Ordinal);
        Assert.Equal(VisitorRuleNames.GeoPool, decision.MatchedRule);
        Assert.Equal(TargetKind.HumanRep, decision.Target.Kind);
    }

    [Fact]
    public async Task Enrichment_down_leaves_the_account_rules_undecided_and_the_default_region_says_why()
    {
        _world.Vendors.Down.Add("enrichment");
        var decision = await _world.RouteAsync(AcmeIp); // no email: only the company could name the account

        var account = decision.Explanation.Sources.Single(s => s.Source == "account");
        Assert.Equal(SourceStatus.NotAsked, account.Status);
        Assert.Equal("company", account.BlockedBy);
        foreach (var rule in new[] { VisitorRuleNames.PublicSector, VisitorRuleNames.ActivelyWorkingAccount })
        {
            var verdict = decision.Explanation.Rules.Single(r => r.Rule == rule);
            Assert.Equal(RuleOutcome.Undecided, verdict.Outcome);
            Assert.StartsWith(
                "account not looked up: company unknown: StubSense failed",
                verdict.Reason,
                StringComparison.Ordinal
            );
        }

        var geo = decision.Explanation.Rules.Single(r => r.Rule == VisitorRuleNames.GeoPool);
        Assert.StartsWith("country unknown (company unknown: StubSense failed", geo.Reason, StringComparison.Ordinal);
        Assert.Contains("default region", geo.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Crm_down_leaves_account_rules_undecided_not_wrong()
    {
        _world.Vendors.Down.Add("crm");
        var decision = await _world.RouteAsync(AcmeIp);

        var publicSector = decision.Explanation.Rules.Single(r => r.Rule == VisitorRuleNames.PublicSector);
        Assert.Equal(RuleOutcome.Undecided, publicSector.Outcome);
        Assert.Contains("StubForce failed", publicSector.Reason, StringComparison.Ordinal);
        Assert.Equal(
            RuleOutcome.Undecided,
            decision.Explanation.Rules.Single(r => r.Rule == VisitorRuleNames.ActivelyWorkingAccount).Outcome
        );
        Assert.Equal(VisitorRuleNames.GeoPool, decision.MatchedRule);
        Assert.True(decision.Degraded);
    }

    [Fact]
    public async Task A_hung_source_times_out_at_the_deadline_and_routing_answers()
    {
        _world.Vendors.Hung.Add("enrichment");
        var routing = _world.RouteAsync(AcmeIp);
        while (!routing.IsCompleted)
        {
            _world.Time.Advance(TimeSpan.FromMilliseconds(250));
            await Task.WhenAny(routing, Task.Delay(10));
        }

        var decision = await routing;
        Assert.Equal(SourceStatus.TimedOut, decision.Explanation.Sources.Single(s => s.Source == "company").Status);
        Assert.True(decision.Degraded);
        Assert.Equal(TargetKind.HumanRep, decision.Target.Kind);
    }

    [Fact]
    public async Task The_callers_cancellation_is_not_mistaken_for_a_late_source()
    {
        _world.Vendors.Hung.Add("enrichment");
        using var cancel = new CancellationTokenSource();
        var routing = _world
            .Router()
            .RouteAsync(
                new VisitorRequest("r", AcmeIp, new Uri("https://x.test/"), null, null),
                _world.Policy,
                cancel.Token
            );
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => routing);
    }

    [Fact]
    public async Task Sources_not_needed_are_not_asked()
    {
        var decision = await _world.RouteAsync(UnknownIp);
        Assert.All(
            decision.Explanation.Sources.Where(s =>
                s.Source is "person" or "prospect" or "click_through" or "engagement"
            ),
            s => Assert.Equal(SourceStatus.NotAsked, s.Status)
        );
        Assert.False(decision.Degraded);
    }
}
