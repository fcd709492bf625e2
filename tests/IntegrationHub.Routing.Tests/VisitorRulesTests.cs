using IntegrationHub.Routing.Decisions;
using IntegrationHub.Routing.Facts;
using IntegrationHub.Routing.Policy;
using IntegrationHub.Routing.Rules;
using static IntegrationHub.Routing.Tests.RoutingScenario;

namespace IntegrationHub.Routing.Tests;

/// <summary>Each rule of DOMAIN.md's live visitor routing, and what happens when its target cannot chat.</summary>
public sealed class VisitorRulesTests
{
    private readonly RoutingScenario _world = new();

    private static void AssertRule(VisitorDecision decision, string rule, TargetKind kind, string? repId)
    {
        Assert.Equal(rule, decision.MatchedRule);
        Assert.Equal(kind, decision.Target.Kind);
        Assert.Equal(repId, decision.Target.RepId);
        var evaluations = decision.Explanation.Rules;
        Assert.Equal(VisitorRuleNames.All, evaluations.Select(e => e.Rule));
        var matchedAt = evaluations.ToList().FindIndex(e => e.Rule == rule);
        Assert.All(evaluations.Skip(matchedAt + 1), e => Assert.Equal(RuleOutcome.Skipped, e.Outcome));
        Assert.All(evaluations.Take(matchedAt), e => Assert.NotEqual(RuleOutcome.Matched, e.Outcome));
    }

    [Fact]
    public async Task Click_through_goes_to_the_sequence_owner_who_is_alerted()
    {
        var decision = await _world.RouteAsync(AcmeIp, token: "tok-1");
        AssertRule(decision, VisitorRuleNames.ClickThrough, TargetKind.HumanRep, "seq-1");
        Assert.Contains(new Notification("seq-1", "click_through"), decision.Explanation.Notifications);
    }

    [Fact]
    public async Task Click_through_owner_is_alerted_even_when_someone_else_takes_the_chat()
    {
        _world.Presence["seq-1"] = Assignment.PresenceStatus.Away;
        var decision = await _world.RouteAsync(AcmeIp, token: "tok-1");
        Assert.Equal(TargetKind.AiRep, decision.Target.Kind);
        Assert.Equal("seq-1", decision.RoutedRepId);
        Assert.Contains(new Notification("seq-1", "click_through"), decision.Explanation.Notifications);
        Assert.Contains(decision.Explanation.Fallbacks, f =>
            f.Fallback == "rep_unavailable" && f.Reason.Contains("away", StringComparison.Ordinal)
        );
    }

    [Fact]
    public async Task Unknown_click_through_token_falls_through_to_the_next_rules()
    {
        var decision = await _world.RouteAsync(UnknownIp, token: "nope");
        Assert.Equal(RuleOutcome.NotMatched, decision.Explanation.Rules[0].Outcome);
        AssertRule(decision, VisitorRuleNames.GeoPool, TargetKind.HumanRep, "sdr-us-1");
    }

    [Fact]
    public async Task Actively_sequenced_person_goes_to_the_sequencing_rep()
    {
        var decision = await _world.RouteAsync(ParisIp, "/fr-fr/pricing", email: "sam@paris.fr");
        AssertRule(decision, VisitorRuleNames.ActivelySequenced, TargetKind.HumanRep, "seq-1");
    }

    [Fact]
    public async Task A_paused_sequence_is_not_active()
    {
        var prospect = _world.Vendors.ProspectsByEmail["sam@paris.fr"];
        _world.Vendors.ProspectsByEmail["sam@paris.fr"] = prospect with
        {
            SequenceStates =
            [
                prospect.SequenceStates[0] with
                {
                    State = Sdk.Capabilities.Sequencing.SequenceStateKind.Paused,
                },
            ],
        };
        var decision = await _world.RouteAsync(ParisIp, "/fr-fr/pricing", email: "sam@paris.fr");
        Assert.Equal("no active sequence", decision.Explanation.Rules[1].Reason);
        AssertRule(decision, VisitorRuleNames.Language, TargetKind.HumanRep, "sdr-eu-1");
    }

    [Fact]
    public async Task Us_public_sector_without_bdr_goes_round_robin_in_the_pubsec_pool()
    {
        var first = await _world.RouteAsync(CountyIp);
        var second = await _world.RouteAsync(CountyIp);
        AssertRule(first, VisitorRuleNames.PublicSector, TargetKind.HumanRep, "pub-1");
        AssertRule(second, VisitorRuleNames.PublicSector, TargetKind.HumanRep, "pub-2");
        Assert.Equal("pubsec", first.Target.Pool);
    }

    [Fact]
    public async Task Us_public_sector_with_bdr_goes_to_that_bdr()
    {
        _world.Vendors.AccountsByDomain["county.gov"] = _world.Vendors.AccountsByDomain["county.gov"] with
        {
            BdrAssignedUserId = "pub-2",
        };
        AssertRule(await _world.RouteAsync(CountyIp), VisitorRuleNames.PublicSector, TargetKind.HumanRep, "pub-2");
    }

    [Fact]
    public async Task Actively_working_account_goes_to_its_bdr_who_gets_a_pounce_alert()
    {
        var decision = await _world.RouteAsync(AcmeIp);
        AssertRule(decision, VisitorRuleNames.ActivelyWorkingAccount, TargetKind.HumanRep, "bdr-1");
        Assert.Contains(new Notification("bdr-1", "pounce"), decision.Explanation.Notifications);
    }

    [Fact]
    public async Task Actively_working_account_with_bdr_away_goes_to_the_geo_pool()
    {
        _world.Presence["bdr-1"] = Assignment.PresenceStatus.Away;
        var decision = await _world.RouteAsync(AcmeIp);
        AssertRule(decision, VisitorRuleNames.ActivelyWorkingAccount, TargetKind.HumanRep, "sdr-us-1");
        Assert.Equal("sdr-amer", decision.Target.Pool);
        Assert.Contains(decision.Explanation.Fallbacks, f => f.Fallback == "bdr_unavailable_to_geo_pool");
        Assert.Contains(new Notification("bdr-1", "pounce"), decision.Explanation.Notifications);
    }

    [Fact]
    public async Task Non_english_page_goes_to_the_language_pool()
    {
        var decision = await _world.RouteAsync(UnknownIp, "/fr-fr/produit");
        AssertRule(decision, VisitorRuleNames.Language, TargetKind.HumanRep, "sdr-eu-1");
        Assert.Equal("fr", decision.Language);
    }

    [Fact]
    public async Task Everyone_else_goes_to_the_geo_pool_of_their_region()
    {
        var paris = await _world.RouteAsync(ParisIp);
        var unknown = await _world.RouteAsync(UnknownIp);
        AssertRule(paris, VisitorRuleNames.GeoPool, TargetKind.HumanRep, "sdr-eu-1");
        Assert.Equal("EMEA", paris.Region);
        AssertRule(unknown, VisitorRuleNames.GeoPool, TargetKind.HumanRep, "sdr-us-1");
        Assert.Equal("AMER", unknown.Region);
    }

    [Fact]
    public async Task Nobody_available_in_english_goes_to_the_ai_rep()
    {
        foreach (var rep in _world.Policy.Reps)
        {
            _world.Presence[rep.Id] = Assignment.PresenceStatus.Offline;
        }

        var decision = await _world.RouteAsync(UnknownIp);
        Assert.Equal(TargetKind.AiRep, decision.Target.Kind);
        Assert.Equal(["pool_has_no_available_rep", "ai_rep"], decision.Explanation.Fallbacks.Select(f => f.Fallback));
        Assert.NotNull(decision.RoutedRepId);
    }

    [Fact]
    public async Task Nobody_available_in_french_gets_a_meeting_offer_with_a_pool_member()
    {
        foreach (var rep in _world.Policy.Reps)
        {
            _world.Presence[rep.Id] = Assignment.PresenceStatus.Away;
        }

        var decision = await _world.RouteAsync(UnknownIp, "/fr-fr/contact");
        Assert.Equal(TargetKind.MeetingOffer, decision.Target.Kind);
        Assert.Contains(decision.Target.RepId, new[] { "sdr-fr-1", "sdr-eu-1" });
        Assert.Equal(
            ["pool_has_no_available_rep", "meeting_offer"],
            decision.Explanation.Fallbacks.Select(f => f.Fallback)
        );
    }

    [Fact]
    public async Task Outside_working_hours_counts_as_unavailable()
    {
        _world.Policy = PolicyFile.Parse(
            PolicyJson.Replace(
                "\"email\": \"bdr1@hub.test\", \"region\": \"AMER\"",
                "\"email\": \"bdr1@hub.test\", \"region\": \"AMER\", \"workingHours\": { \"start\": \"13:00\", "
                    + "\"end\": \"17:00\" }",
                StringComparison.Ordinal
            )
        );
        var decision = await _world.RouteAsync(AcmeIp);
        Assert.Contains(decision.Explanation.Fallbacks, f =>
            f.Reason.Contains("outside working hours", StringComparison.Ordinal)
        );
        Assert.NotEqual("bdr-1", decision.Target.RepId);
    }
}
