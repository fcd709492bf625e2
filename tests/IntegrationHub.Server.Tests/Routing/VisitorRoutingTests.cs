using Grpc.Core;
using IntegrationHub.Connectors.SixSense.Fake;
using IntegrationHub.Contracts.Routing.V1;
using IntegrationHub.Server.Tests.Hosting;

namespace IntegrationHub.Server.Tests.Routing;

/// <summary>
/// Live visitor routing through the real gRPC API against the sandbox vendor fakes and the
/// demo world: each rule, each fallback, a degradation, and the round robin.
/// </summary>
public sealed class VisitorRoutingTests : IDisposable
{
    private const string AcmeIp = "203.0.113.5"; // Acme Corp: Actively Working, BDR Olivia Brooks (005BDR010000000YBA)
    private const string CountyIp = "203.0.113.195"; // County of Santa Clara: US public sector, BDR 005PUB010000000YBA
    private const string UniversityIp = "203.0.113.210"; // State University of Oregon: US public sector, no BDR
    private const string LondonIp = "198.51.100.115"; // Thames Fintech, GB: Queued
    private const string UnknownIp = "192.0.2.200";
    private static readonly string[] AmerSdrs = DemoSdrs.Amer;
    private static readonly string[] EmeaSdrs = DemoSdrs.Emea;

    private readonly SandboxHub _hub = new();

    public void Dispose() => _hub.Dispose();

    private static void AssertRule(Decision decision, string rule, TargetKind kind)
    {
        Assert.Equal(rule, decision.MatchedRule);
        Assert.Equal(kind, decision.Target.Kind);
        Assert.Equal(
            [
                "click_through",
                "actively_sequenced",
                "public_sector",
                "actively_working_account",
                "language",
                "geo_pool",
            ],
            decision.Explanation.Rules.Select(r => r.Rule)
        );
    }

    [Fact]
    public async Task Click_through_goes_to_the_sequence_owner_who_is_alerted()
    {
        await _hub.AvailableAsync("005BDR010000000YBA");
        var decision = await _hub.RouteAsync(AcmeIp, token: "ct-acme-jane");
        AssertRule(decision, "click_through", TargetKind.HumanRep);
        Assert.Equal("005BDR010000000YBA", decision.Target.RepId);
        Assert.Contains(decision.Explanation.Notifications, n =>
            n.RecipientId == "005BDR010000000YBA" && n.Reason == "click_through"
        );
    }

    [Fact]
    public async Task Actively_sequenced_person_goes_to_the_sequencing_rep()
    {
        await _hub.AvailableAsync("005SDR020000000YBA", "005BDR020000000YBA");
        var decision = await _hub.RouteAsync(UnknownIp, email: "maria.garcia@initech.com");
        AssertRule(decision, "actively_sequenced", TargetKind.HumanRep);
        Assert.Equal("005SDR020000000YBA", decision.Target.RepId);
    }

    [Fact]
    public async Task Us_public_sector_goes_to_its_bdr_or_round_robin_in_the_pubsec_pool()
    {
        await _hub.AvailableAsync("005PUB010000000YBA", "005PUB020000000YBA");
        var county = await _hub.RouteAsync(CountyIp);
        var university = await _hub.RouteAsync(UniversityIp);

        AssertRule(county, "public_sector", TargetKind.HumanRep);
        Assert.Equal("005PUB010000000YBA", county.Target.RepId);
        AssertRule(university, "public_sector", TargetKind.HumanRep);
        Assert.Equal("pubsec", university.Target.Pool);
    }

    [Fact]
    public async Task Actively_working_account_goes_to_its_bdr_and_to_the_geo_pool_when_the_bdr_is_away()
    {
        await _hub.AvailableAsync("005BDR010000000YBA", "005SDR010000000YBA", "005SDR020000000YBA");
        var present = await _hub.RouteAsync(AcmeIp);
        await _hub.Presence.SetRepPresenceAsync(
            new SetRepPresenceRequest { RepId = "005BDR010000000YBA", Status = PresenceStatus.Away }
        );
        var away = await _hub.RouteAsync(AcmeIp);

        AssertRule(present, "actively_working_account", TargetKind.HumanRep);
        Assert.Equal("005BDR010000000YBA", present.Target.RepId);
        Assert.Equal("sdr-amer", away.Target.Pool);
        Assert.Contains(away.Target.RepId, AmerSdrs);
        Assert.Contains(away.Explanation.Fallbacks, f => f.Fallback == "bdr_unavailable_to_geo_pool");
        Assert.Contains(away.Explanation.Notifications, n =>
            n.RecipientId == "005BDR010000000YBA" && n.Reason == "pounce"
        );
    }

    [Fact]
    public async Task A_french_page_goes_to_the_french_speakers_and_a_london_visitor_to_emea()
    {
        await _hub.AvailableAsync("005SDR120000000YBA", "005SDR050000000YBA", "005SDR060000000YBA");
        var french = await _hub.RouteAsync(UnknownIp, "/fr-fr/tarifs");
        var london = await _hub.RouteAsync(LondonIp);

        AssertRule(french, "language", TargetKind.HumanRep);
        Assert.Contains(french.Target.RepId, new[] { "005SDR120000000YBA", "005SDR050000000YBA" });
        AssertRule(london, "geo_pool", TargetKind.HumanRep);
        Assert.Contains(london.Target.RepId, EmeaSdrs);
    }

    [Fact]
    public async Task With_nobody_available_english_goes_to_the_ai_rep_and_french_to_a_meeting_offer()
    {
        var english = await _hub.RouteAsync(UnknownIp);
        var french = await _hub.RouteAsync(UnknownIp, "/fr-fr/contact");

        Assert.Equal(TargetKind.AiRep, english.Target.Kind);
        Assert.Equal(TargetKind.MeetingOffer, french.Target.Kind);
        var conversation = (
            await _hub.Conversations.GetConversationAsync(
                new GetConversationRequest { ConversationId = french.ConversationId }
            )
        ).Conversation;
        Assert.Equal(ConversationState.MeetingOffered, conversation.State);
        Assert.NotEmpty(conversation.MeetingSlots);
    }

    [Fact]
    public async Task An_enrichment_outage_degrades_the_decision_and_says_why()
    {
        _hub.Sandbox<SixSenseSandbox>().Fake!.GoDown();
        await _hub.AvailableAsync(AmerSdrs);
        var decision = await _hub.RouteAsync(AcmeIp);

        Assert.True(decision.Degraded);
        var company = decision.Explanation.Sources.Single(s => s.Source == "company");
        Assert.Equal(SourceStatus.Failed, company.Status);
        Assert.Equal("SixSense", company.Connector);
        Assert.Equal("geo_pool", decision.MatchedRule);
        Assert.Equal(TargetKind.HumanRep, decision.Target.Kind);
    }

    [Fact]
    public async Task Chats_go_only_to_available_experts_in_turn()
    {
        await _hub.AvailableAsync(AmerSdrs);
        var picks = new List<string>();
        for (var i = 0; i < 20; i++)
        {
            picks.Add((await _hub.RouteAsync(UnknownIp)).Target.RepId);
        }

        // 005SDR030000000YBA is Onboarding and 005SDR040000000YBA Ramping: neither takes chats.
        Assert.Equal(10, picks.Count(p => p == "005SDR010000000YBA"));
        Assert.Equal(10, picks.Count(p => p == "005SDR020000000YBA"));
    }

    [Fact]
    public async Task The_same_request_id_gets_the_same_decision()
    {
        await _hub.AvailableAsync(AmerSdrs);
        var first = await _hub.RouteAsync(UnknownIp, requestId: "visit-42");
        var again = await _hub.RouteAsync(UnknownIp, requestId: "visit-42");
        Assert.Equal(first.Id, again.Id);
        Assert.Equal(first.Target.RepId, again.Target.RepId);
        Assert.Single((await _hub.Routing.ListDecisionsAsync(new ListDecisionsRequest())).Decisions);
    }

    [Fact]
    public async Task A_stored_decision_reads_back_with_its_explanation_and_lists_by_rule()
    {
        await _hub.AvailableAsync("005BDR010000000YBA");
        var routed = await _hub.RouteAsync(AcmeIp);
        var read = (await _hub.Routing.GetDecisionAsync(new GetDecisionRequest { DecisionId = routed.Id })).Decision;

        Assert.Equal(routed, read);
        Assert.Contains(read.Explanation.Rules.Single(r => r.Rule == "actively_working_account").Facts, f =>
            f.Name == "account.bdr_assigned" && f.Value == "005BDR010000000YBA"
        );
        Assert.Single(
            (
                await _hub.Routing.ListDecisionsAsync(new ListDecisionsRequest { Rule = "actively_working_account" })
            ).Decisions
        );
        Assert.Empty((await _hub.Routing.ListDecisionsAsync(new ListDecisionsRequest { Rule = "geo_pool" })).Decisions);
        var missing = await RpcAssert.FailsWith(StatusCode.NotFound, () =>
            _hub.Routing.GetDecisionAsync(new GetDecisionRequest { DecisionId = "nope" }).ResponseAsync
        );
        Assert.Equal("No decision nope.", missing.Status.Detail);
        Assert.Equal("NOT_FOUND", RpcAssert.Info(missing)?.Reason);
        Assert.Empty(RpcAssert.Info(missing)!.Metadata); // the hub refused: no vendor is named
    }

    [Fact]
    public async Task Bad_input_is_invalid_argument_with_every_field_and_nothing_is_stored_or_sent()
    {
        var fake = _hub.Sandbox<SixSenseSandbox>().Fake!;
        var error = await RpcAssert.FailsWith(StatusCode.InvalidArgument, () => _hub
                .Routing.RouteVisitorAsync(
                    new RouteVisitorRequest
                    {
                        RequestId = "",
                        IpAddress = "300.1.2.3",
                        PageUrl = "javascript:alert(1)",
                        Email = "not-an-email",
                        ClickThroughToken = new string('x', 600),
                    }
                )
                .ResponseAsync);

        Assert.Equal(
            ["click_through_token", "email", "ip_address", "page_url", "request_id"],
            RpcAssert.ViolatedFields(error).Order()
        );
        Assert.Empty((await _hub.Routing.ListDecisionsAsync(new ListDecisionsRequest())).Decisions);
        Assert.Empty(fake.Requests);
    }

    [Fact]
    public async Task Presence_is_listed_per_rep_with_pools_and_unknown_reps_are_not_found()
    {
        await _hub.AvailableAsync("005SDR120000000YBA");
        var reps = (await _hub.Presence.ListRepsAsync(new ListRepsRequest { Pool = "lang-fr" })).Reps;
        Assert.Equal(["005SDR050000000YBA", "005SDR120000000YBA"], reps.Select(r => r.RepId));
        Assert.Equal(PresenceStatus.Available, reps.Single(r => r.RepId == "005SDR120000000YBA").Status);
        Assert.Equal(PresenceStatus.Offline, reps.Single(r => r.RepId == "005SDR050000000YBA").Status);
        Assert.Contains("sdr-emea", reps.Single(r => r.RepId == "005SDR120000000YBA").Pools);
        await RpcAssert.FailsWith(StatusCode.NotFound, () =>
            _hub
                .Presence.SetRepPresenceAsync(
                    new SetRepPresenceRequest { RepId = "ghost", Status = PresenceStatus.Away }
                )
                .ResponseAsync
        );
        var invalid = await RpcAssert.FailsWith(StatusCode.InvalidArgument, () =>
            _hub.Presence.SetRepPresenceAsync(new SetRepPresenceRequest { RepId = "005SDR120000000YBA" }).ResponseAsync
        );
        Assert.Equal(["status"], RpcAssert.ViolatedFields(invalid));
    }
}
