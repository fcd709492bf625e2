using System.Text.Json.Nodes;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using IntegrationHub.Contracts.Routing.V1;
using IntegrationHub.Server.Tests.Hosting;

namespace IntegrationHub.Server.Tests.Routing;

/// <summary>
/// An operator tries a policy change against the decisions the hub already made, before
/// publishing it: the replay uses the facts and presence kept with each decision, asks no
/// vendor, and reports what moves, by rule, by target and in each rep's load.
/// </summary>
public sealed class PolicySimulationTests : IDisposable
{
    private const string LondonIp = "198.51.100.115"; // Thames Fintech, GB: Queued, so the geo pool decides
    private const string UnknownIp = "192.0.2.200"; // no company: the default region (AMER)

    // County of Santa Clara: US public sector, its BDR 005PUB010000000YBA
    private const string CountyIp = "203.0.113.195";
    private static readonly string[] AmerSdrs = DemoSdrs.Amer;
    private static readonly string[] EmeaSdrs = DemoSdrs.Emea;

    private readonly SandboxHub _hub = new();
    private readonly PolicyService.PolicyServiceClient _policies;

    public PolicySimulationTests() => _policies = new PolicyService.PolicyServiceClient(_hub.Channel);

    public void Dispose() => _hub.Dispose();

    [Fact]
    public async Task Moving_a_country_to_another_region_shows_every_moved_visitor_and_each_reps_load_before_and_after()
    {
        await _hub.AvailableAsync([.. AmerSdrs, .. EmeaSdrs, "005PUB010000000YBA"]);
        await _hub.RouteAsync(CountyIp); // before the window: not replayed
        _hub.Time.Advance(TimeSpan.FromMinutes(10));
        var start = _hub.Time.GetUtcNow();
        var london = new List<Decision>();
        for (var i = 0; i < 6; i++)
        {
            london.Add(await _hub.RouteAsync(LondonIp));
            _hub.Time.Advance(TimeSpan.FromSeconds(1));
            await _hub.RouteAsync(UnknownIp);
            _hub.Time.Advance(TimeSpan.FromSeconds(1));
        }

        var belowBar = await _hub.RouteLeadAsync(
            SandboxHub.Lead("sam@thames-fintech.co.uk", "Thames Fintech", "GB", score: 40)
        );
        Assert.Equal(TargetKind.NotRouted, belowBar.Target.Kind);
        Assert.All(london, d => Assert.Contains(d.Target.RepId, EmeaSdrs));
        // The lead's CRM upsert goes out in the background; count vendor calls after it.
        await _hub.OutboxDrainedAsync();
        var callsBefore = _hub.VendorRequests();

        var candidate = await CandidateAsync(p =>
        {
            p["regionsByCountry"]!["GB"] = "AMER";
            p["leads"]!["mqlThreshold"] = 30; // the lead below the bar would now need CRM facts never gathered
        });
        var (progress, report) = await SimulateAsync(candidate, start);

        Assert.Equal(13, report.Decisions);
        Assert.Equal(12, report.Replayed);
        Assert.Equal(1, report.NotReplayable);
        Assert.Equal(12, report.Reproduced); // the running policy's replay matches what was recorded
        Assert.NotEmpty(progress);
        Assert.Equal(13, progress[^1].Total);
        Assert.Equal(13, progress[^1].Done);

        // Every London visitor leaves an EMEA rep for an AMER rep; the geo rule still decides.
        Assert.Empty(report.MovesByRule);
        var names = await RepNamesAsync();
        var emeaNames = EmeaSdrs.Select(id => names[id]).ToHashSet();
        var amerNames = AmerSdrs.Select(id => names[id]).ToHashSet();
        Assert.Equal(6, report.MovesByTarget.Where(m => emeaNames.Contains(m.From)).Sum(m => m.Count));
        Assert.All(report.MovesByTarget, m => Assert.Contains(m.To, amerNames));
        Assert.InRange(report.Moved, 6, 12);
        Assert.All(london, d =>
            Assert.Contains(report.Examples, e =>
                e.DecisionId == d.Id && e.RuleAfter == "geo_pool" && amerNames.Contains(e.TargetAfter)
            )
        );

        // Load: EMEA loses its six, AMER takes them, each AMER rep's share still within one of the others'.
        var load = report.RepLoads.ToDictionary(l => l.RepId);
        Assert.Equal(6, EmeaSdrs.Sum(id => load[id].Before));
        Assert.Equal(0, EmeaSdrs.Sum(id => load[id].After));
        Assert.Equal(6, AmerSdrs.Sum(id => load[id].Before));
        Assert.Equal(12, AmerSdrs.Sum(id => load[id].After));
        Assert.Equal(names["005SDR050000000YBA"], load["005SDR050000000YBA"].Name);

        // A simulation is a read: no vendor was asked, nothing was decided.
        Assert.Equal(callsBefore, _hub.VendorRequests());
        Assert.Equal(
            13,
            (
                await _hub.Routing.ListDecisionsAsync(
                    new ListDecisionsRequest { StartTime = Timestamp.FromDateTimeOffset(start), PageSize = 100 }
                )
            )
                .Decisions
                .Count
        );
    }

    [Fact]
    public async Task The_running_policy_as_a_candidate_moves_nothing()
    {
        await _hub.AvailableAsync(EmeaSdrs);
        var start = _hub.Time.GetUtcNow();
        for (var i = 0; i < 5; i++)
        {
            await _hub.RouteAsync(LondonIp);
            _hub.Time.Advance(TimeSpan.FromSeconds(1));
        }

        var running = (await _policies.GetPolicyAsync(new GetPolicyRequest())).PolicyJson;
        var (_, report) = await SimulateAsync(running, start);

        Assert.Equal(5, report.Replayed);
        Assert.Equal(0, report.Moved);
        Assert.Empty(report.Examples);
        Assert.All(report.RepLoads, l => Assert.Equal(l.Before, l.After));
    }

    [Fact]
    public async Task A_cap_in_the_candidate_sends_the_work_past_it_to_the_others_in_the_pool()
    {
        await _hub.AvailableAsync(AmerSdrs);
        var start = _hub.Time.GetUtcNow();
        for (var i = 0; i < 6; i++)
        {
            await _hub.RouteAsync(UnknownIp);
            _hub.Time.Advance(TimeSpan.FromSeconds(1));
        }

        // Avery Johnson (005SDR01) may take one chat a day: the replay counts its chats from the window's start.
        var candidate = await CandidateAsync(p =>
            p["reps"]!.AsArray().Single(r => (string?)r!["id"] == AmerSdrs[0])!["caps"] = new JsonObject
            {
                ["chatsPerDay"] = 1,
            }
        );
        var (_, report) = await SimulateAsync(candidate, start);

        var load = report.RepLoads.ToDictionary(l => l.RepId);
        Assert.Equal((3, 1), (load[AmerSdrs[0]].Before, load[AmerSdrs[0]].After));
        Assert.Equal((3, 5), (load[AmerSdrs[1]].Before, load[AmerSdrs[1]].After));
        Assert.Equal(2, report.Moved);
    }

    [Fact]
    public async Task An_invalid_candidate_is_refused_with_every_problem_before_anything_is_replayed()
    {
        var candidate = await CandidateAsync(p =>
        {
            p["pools"]![0]!["members"]!.AsArray().Add("005NOBODY000000YPA");
            p["visitorRules"]!.AsArray().Add("coin_toss");
        });

        var error = await RpcAssert.FailsWith(StatusCode.InvalidArgument, () =>
            SimulateAsync(candidate, _hub.Time.GetUtcNow().AddHours(-1))
        );
        var violations = error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations;
        Assert.Contains(violations, v =>
            v.Field == "candidate_policy_json"
            && v.Description.Contains(
                "pools[0].members[4]: no rep has id '005NOBODY000000YPA'",
                StringComparison.Ordinal
            )
        );
        Assert.Contains(violations, v =>
            v.Field == "candidate_policy_json"
            && v.Description.Contains("unknown rule 'coin_toss'", StringComparison.Ordinal)
        );

        var missing = await RpcAssert.FailsWith(StatusCode.InvalidArgument, () => SimulateAsync("", null));
        Assert.Equal(["start_time", "candidate_policy_json"], RpcAssert.ViolatedFields(missing));
    }

    private async Task<string> CandidateAsync(Action<JsonNode> change)
    {
        var policy = JsonNode.Parse((await _policies.GetPolicyAsync(new GetPolicyRequest())).PolicyJson)!;
        change(policy);
        return policy.ToJsonString();
    }

    private async Task<(List<SimulationProgress> Progress, SimulationReport Report)> SimulateAsync(
        string candidate,
        DateTimeOffset? start
    )
    {
        using var call = _policies.SimulatePolicyChange(
            new SimulatePolicyChangeRequest
            {
                CandidatePolicyJson = candidate,
                StartTime = start is { } s ? Timestamp.FromDateTimeOffset(s) : null,
                EndTime = Timestamp.FromDateTimeOffset(_hub.Time.GetUtcNow().AddSeconds(1)),
            }
        );
        var progress = new List<SimulationProgress>();
        SimulationReport? report = null;
        await foreach (var message in call.ResponseStream.ReadAllAsync())
        {
            Assert.Null(report); // the report is the last message
            if (message.Progress is { } p)
            {
                progress.Add(p);
            }

            report = message.Report;
        }

        return (progress, report ?? throw new InvalidOperationException("the stream ended without a report"));
    }

    private async Task<Dictionary<string, string>> RepNamesAsync() =>
        (await _hub.Presence.ListRepsAsync(new ListRepsRequest())).Reps.ToDictionary(r => r.RepId, r => r.Name);
}
