using Grpc.Core;
using IntegrationHub.Connectors.Salesforce.Fake;
using IntegrationHub.Contracts.Admin.V1;
using IntegrationHub.Contracts.Routing.V1;
using IntegrationHub.Hub.Decisions;
using IntegrationHub.Routing.Policy;
using IntegrationHub.Routing.Rules;
using IntegrationHub.Server.Security;
using IntegrationHub.Server.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationHub.Server.Tests.Routing;

/// <summary>
/// "Where would this visitor go, and why?": the whole decision under the running or a candidate policy, with live
/// facts, and nothing written — no decision, conversation, outbox row or round-robin turn.
/// </summary>
public sealed class PreviewTests : IDisposable
{
    private const string AcmeIp = "203.0.113.5"; // Acme Corp: Actively Working, BDR Olivia Brooks (005BDR010000000YBA)
    private const string UnknownIp = "192.0.2.200";
    private static readonly string[] AmerSdrs = DemoSdrs.Amer;

    private readonly SandboxHub _hub = new(new() { ["Auth:DevelopmentKey"] = "sandbox-dev-key" });

    public void Dispose() => _hub.Dispose();

    private static PreviewVisitorRequest Visitor(string ip, string candidate = "") =>
        new()
        {
            IpAddress = ip,
            PageUrl = "https://www.example.com/pricing",
            CandidatePolicy = candidate,
        };

    [Fact]
    public async Task A_previewed_visitor_gets_the_decision_with_its_explanation_and_nothing_is_stored()
    {
        await _hub.AvailableAsync("005BDR010000000YBA");

        var preview = await _hub.Routing.PreviewVisitorAsync(Visitor(AcmeIp));

        Assert.Equal("running", preview.Policy);
        Assert.Equal("actively_working_account", preview.Decision.MatchedRule);
        Assert.Equal("005BDR010000000YBA", preview.Decision.Target.RepId);
        Assert.Contains(preview.Decision.Explanation.Sources, s =>
            s.Source == "company" && s.Status == SourceStatus.Ok
        );
        Assert.Equal("", preview.Decision.Id);
        Assert.Equal("", preview.Decision.ConversationId);
        Assert.Empty((await _hub.Routing.ListDecisionsAsync(new ListDecisionsRequest())).Decisions);
    }

    [Fact]
    public async Task A_preview_shows_who_the_round_robin_would_pick_without_taking_their_turn()
    {
        await _hub.AvailableAsync(AmerSdrs);

        var first = (await _hub.Routing.PreviewVisitorAsync(Visitor(UnknownIp))).Decision.Target.RepId;
        var second = (await _hub.Routing.PreviewVisitorAsync(Visitor(UnknownIp))).Decision.Target.RepId;
        var routed = await _hub.RouteAsync(UnknownIp);
        var next = (await _hub.Routing.PreviewVisitorAsync(Visitor(UnknownIp))).Decision.Target.RepId;

        Assert.Equal(first, second);
        Assert.Equal(first, routed.Target.RepId);
        Assert.NotEqual(first, next); // the real decision took the turn; previews never did
    }

    [Fact]
    public async Task A_candidate_policy_decides_the_preview_and_an_invalid_one_names_each_problem()
    {
        await _hub.AvailableAsync(DemoSdrs.Emea);
        var running = _hub.Services.GetRequiredService<PolicyProvider>().Current;
        var candidate = PolicyFile.Serialize(running with { DefaultRegion = "EMEA" });

        var preview = await _hub.Routing.PreviewVisitorAsync(Visitor(UnknownIp, candidate));

        Assert.Equal("candidate", preview.Policy);
        Assert.Equal(running.GeoPool("EMEA")!.Name, preview.Decision.Target.Pool);
        var error = await RpcAssert.FailsWith(StatusCode.InvalidArgument, () =>
            _hub.Routing.PreviewVisitorAsync(Visitor(UnknownIp, """{ "reps": [], "defaultRegion": 7 }""")).ResponseAsync
        );
        Assert.All(RpcAssert.ViolatedFields(error), f => Assert.Equal("candidate_policy", f));
        Assert.NotEmpty(RpcAssert.ViolatedFields(error));
    }

    [Fact]
    public async Task A_previewed_lead_lists_the_effects_it_would_plan_and_none_reaches_a_vendor()
    {
        var crm = _hub.Sandbox<SalesforceSandbox>().Fake!;

        var preview = await _hub.Routing.PreviewLeadAsync(
            new PreviewLeadRequest
            {
                Lead = SandboxHub.Lead("ana@brand-new-startup.io", "Brand New Startup", "DE", "Engineer"),
            }
        );

        Assert.Equal(TargetKind.HumanRep, preview.Decision.Target.Kind);
        Assert.Contains(preview.PlannedEffects, e =>
            e.Type == "crm.upsert_lead" && e.Summary.Contains("ana@brand-new-startup.io", StringComparison.Ordinal)
        );
        Assert.Contains(preview.PlannedEffects, e => e.Type == "sequencing.enroll");
        Assert.Equal(0, (await _hub.Outbox.GetOutboxStatsAsync(new GetOutboxStatsRequest())).Pending);
        Assert.Empty(crm.LeadsWithEmail("ana@brand-new-startup.io"));
        Assert.Empty((await _hub.Routing.ListDecisionsAsync(new ListDecisionsRequest())).Decisions);
        var invalid = await RpcAssert.FailsWith(StatusCode.InvalidArgument, () =>
            _hub.Routing.PreviewLeadAsync(new PreviewLeadRequest()).ResponseAsync
        );
        Assert.Contains("lead", RpcAssert.ViolatedFields(invalid));
    }

    [Fact]
    public async Task A_routing_key_may_route_but_not_preview()
    {
        var secret = (
            await new ApiKeyService.ApiKeyServiceClient(_hub.Channel).IssueApiKeyAsync(
                new IssueApiKeyRequest { Name = "site", Scopes = { Scopes.Routing } }
            )
        ).Secret;
        var routing = new RoutingService.RoutingServiceClient(_hub.CreateChannel(secret));

        var error = await RpcAssert.FailsWith(StatusCode.PermissionDenied, () =>
            routing.PreviewVisitorAsync(Visitor(AcmeIp)).ResponseAsync
        );

        Assert.Equal("MISSING_SCOPE", RpcAssert.Info(error)?.Reason);
    }
}
