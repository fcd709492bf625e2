using System.Text.Json.Nodes;
using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using IntegrationHub.Contracts.Routing.V1;
using IntegrationHub.Server.Tests.Hosting;

namespace IntegrationHub.Server.Tests.Routing;

/// <summary>
/// An admin publishes a policy, sees who published what and when, compares two versions, rolls back, and every
/// decision says which version it was made under.
/// </summary>
public sealed class PolicyVersionTests : IDisposable
{
    private const string LondonIp = "198.51.100.115"; // Thames Fintech, GB: the geo pool decides

    private readonly SandboxHub _hub = new();
    private readonly PolicyService.PolicyServiceClient _policies;

    public PolicyVersionTests() => _policies = new PolicyService.PolicyServiceClient(_hub.Channel);

    public void Dispose() => _hub.Dispose();

    [Fact]
    public async Task The_policy_file_the_hub_starts_with_is_version_1_published_by_the_file()
    {
        var running = await _policies.GetPolicyAsync(new GetPolicyRequest());
        var history = await _policies.ListPolicyVersionsAsync(new ListPolicyVersionsRequest());

        Assert.Equal(1, running.Version);
        Assert.Equal(1, history.RunningVersion);
        var first = Assert.Single(history.Versions);
        Assert.Equal(PolicyVersionSource.File, first.Source);
        Assert.StartsWith("file:", first.PublishedBy, StringComparison.Ordinal);
        Assert.EndsWith("routing-policy.json", first.PublishedBy, StringComparison.Ordinal);
        Assert.Equal(20, first.RepCount);
        Assert.Equal(_hub.Time.GetUtcNow(), first.PublishTime.ToDateTimeOffset());
    }

    [Fact]
    public async Task A_published_policy_routes_the_next_visitor_and_a_rollback_restores_the_earlier_one()
    {
        await _hub.AvailableAsync([.. DemoSdrs.Amer, .. DemoSdrs.Emea]);
        var before = await _hub.RouteAsync(LondonIp);
        Assert.Contains(before.Target.RepId, DemoSdrs.Emea);
        Assert.Equal(1, before.PolicyVersion);

        _hub.Time.Advance(TimeSpan.FromMinutes(5));
        var published = await _policies.PublishPolicyAsync(
            new PublishPolicyRequest { PolicyJson = await CandidateAsync(GbToAmer), Note = "GB joins AMER" }
        );
        Assert.True(published.Changed);
        Assert.Equal(2, published.Version.Version);
        Assert.Equal("tests", published.Version.PublishedBy); // the caller's key
        Assert.Equal(PolicyVersionSource.Api, published.Version.Source);

        var after = await _hub.RouteAsync(LondonIp);
        Assert.Contains(after.Target.RepId, DemoSdrs.Amer);
        Assert.Equal(2, after.PolicyVersion);
        var stored = await _hub.Routing.GetDecisionAsync(new GetDecisionRequest { DecisionId = after.Id });
        Assert.Equal(2, stored.Decision.PolicyVersion);

        var again = await _policies.PublishPolicyAsync(
            new PublishPolicyRequest { PolicyJson = await CandidateAsync(GbToAmer) }
        );
        Assert.False(again.Changed);
        Assert.Equal(2, again.Version.Version);

        var rollback = await _policies.RollbackPolicyAsync(new RollbackPolicyRequest { Version = 1 });
        Assert.True(rollback.Changed);
        Assert.Equal(3, rollback.Version.Version);
        Assert.Equal(PolicyVersionSource.Rollback, rollback.Version.Source);
        Assert.Equal(1, rollback.Version.RestoredVersion);
        Assert.Equal("rollback to version 1", rollback.Version.Note);
        var restored = await _hub.RouteAsync(LondonIp);
        Assert.Contains(restored.Target.RepId, DemoSdrs.Emea);
        Assert.Equal(3, restored.PolicyVersion);

        var history = await _policies.ListPolicyVersionsAsync(new ListPolicyVersionsRequest());
        Assert.Equal([3L, 2L, 1L], history.Versions.Select(v => v.Version));
        Assert.Equal(3, history.RunningVersion);
        Assert.Equal("GB joins AMER", history.Versions[1].Note);
        var firstPage = await _policies.ListPolicyVersionsAsync(new ListPolicyVersionsRequest { PageSize = 2 });
        Assert.Equal([3L, 2L], firstPage.Versions.Select(v => v.Version));
        var secondPage = await _policies.ListPolicyVersionsAsync(
            new ListPolicyVersionsRequest { PageSize = 2, PageToken = firstPage.NextPageToken }
        );
        Assert.Equal([1L], secondPage.Versions.Select(v => v.Version));
        Assert.Equal("", secondPage.NextPageToken);
    }

    [Fact]
    public async Task The_diff_of_two_versions_shows_exactly_the_lines_that_changed()
    {
        await _policies.PublishPolicyAsync(new PublishPolicyRequest { PolicyJson = await CandidateAsync(GbToAmer) });

        var diff = await _policies.DiffPolicyVersionsAsync(
            new DiffPolicyVersionsRequest { FromVersion = 1, ToVersion = 2 }
        );

        Assert.Equal(1, diff.LinesRemoved);
        Assert.Equal(1, diff.LinesAdded);
        var lines = diff.UnifiedDiff.Split('\n');
        Assert.Equal("--- version 1", lines[0]);
        Assert.Equal("+++ version 2", lines[1]);
        Assert.StartsWith("@@ -", lines[2], StringComparison.Ordinal);
        Assert.Equal(["-    \"GB\": \"EMEA\","], lines.Where(l => l.StartsWith('-') && !l.StartsWith("---")));
        Assert.Equal(["+    \"GB\": \"AMER\","], lines.Where(l => l.StartsWith('+') && !l.StartsWith("+++")));
        Assert.Equal(6, lines.Count(l => l.StartsWith(' '))); // three lines of context on each side

        var same = await _policies.DiffPolicyVersionsAsync(
            new DiffPolicyVersionsRequest { FromVersion = 2, ToVersion = 2 }
        );
        Assert.Equal("", same.UnifiedDiff);
    }

    [Fact]
    public async Task An_invalid_policy_is_refused_with_every_problem_and_nothing_is_published()
    {
        var invalid = await CandidateAsync(p => p["visitorRules"]!.AsArray().Add("coin_toss"));

        var error = await RpcAssert.FailsWith(StatusCode.InvalidArgument, () =>
            _policies.PublishPolicyAsync(new PublishPolicyRequest { PolicyJson = invalid }).ResponseAsync
        );
        Assert.Contains(error.GetRpcStatus()!.GetDetail<BadRequest>().FieldViolations, v =>
            v.Field == "policy_json" && v.Description.Contains("unknown rule 'coin_toss'", StringComparison.Ordinal)
        );
        var valid = await CandidateAsync(GbToAmer);
        var tooLong = await RpcAssert.FailsWith(StatusCode.InvalidArgument, () =>
            _policies
                .PublishPolicyAsync(new PublishPolicyRequest { PolicyJson = valid, Note = new string('n', 501) })
                .ResponseAsync
        );
        Assert.Equal(["note"], RpcAssert.ViolatedFields(tooLong));
        var missing = await RpcAssert.FailsWith(StatusCode.InvalidArgument, () =>
            _policies.RollbackPolicyAsync(new RollbackPolicyRequest()).ResponseAsync
        );
        Assert.Equal(["version"], RpcAssert.ViolatedFields(missing));

        var history = await _policies.ListPolicyVersionsAsync(new ListPolicyVersionsRequest());
        Assert.Equal([1L], history.Versions.Select(v => v.Version));
        await RpcAssert.FailsWith(StatusCode.NotFound, () =>
            _policies.GetPolicyVersionAsync(new GetPolicyVersionRequest { Version = 99 }).ResponseAsync
        );
        await RpcAssert.FailsWith(StatusCode.NotFound, () =>
            _policies.RollbackPolicyAsync(new RollbackPolicyRequest { Version = 99 }).ResponseAsync
        );
    }

    [Fact]
    public async Task A_simulation_compares_two_published_versions_over_the_stored_decisions()
    {
        await _hub.AvailableAsync([.. DemoSdrs.Amer, .. DemoSdrs.Emea]);
        var start = _hub.Time.GetUtcNow();
        for (var i = 0; i < 3; i++)
        {
            await _hub.RouteAsync(LondonIp);
            _hub.Time.Advance(TimeSpan.FromSeconds(1));
        }

        await _policies.PublishPolicyAsync(new PublishPolicyRequest { PolicyJson = await CandidateAsync(GbToAmer) });
        await _policies.RollbackPolicyAsync(new RollbackPolicyRequest { Version = 1 });

        // The running policy is version 3 (= 1); compare 1 with 2 by their numbers alone.
        var report = await SimulateAsync(new SimulatePolicyChangeRequest { BaselineVersion = 1, CandidateVersion = 2 });
        Assert.Equal(3, report.Replayed);
        Assert.Equal(3, report.Moved);
        var reverse = await SimulateAsync(
            new SimulatePolicyChangeRequest { BaselineVersion = 2, CandidateVersion = 3 }
        );
        Assert.Equal(3, reverse.Moved);
        var unchanged = await SimulateAsync(new SimulatePolicyChangeRequest { CandidateVersion = 1 });
        Assert.Equal(0, unchanged.Moved);

        var both = await RpcAssert.FailsWith(StatusCode.InvalidArgument, () =>
            SimulateAsync(new SimulatePolicyChangeRequest { CandidateVersion = 2, CandidatePolicyJson = "{}" })
        );
        Assert.Equal(["candidate_policy_json"], RpcAssert.ViolatedFields(both));
        await RpcAssert.FailsWith(StatusCode.NotFound, () =>
            SimulateAsync(new SimulatePolicyChangeRequest { CandidateVersion = 42 })
        );

        async Task<SimulationReport> SimulateAsync(SimulatePolicyChangeRequest request)
        {
            request.StartTime = Timestamp.FromDateTimeOffset(start);
            request.EndTime = Timestamp.FromDateTimeOffset(_hub.Time.GetUtcNow().AddSeconds(1));
            using var call = _policies.SimulatePolicyChange(request);
            SimulationReport? last = null;
            await foreach (var message in call.ResponseStream.ReadAllAsync())
            {
                last = message.Report ?? last;
            }

            return last!;
        }
    }

    [Fact]
    public async Task A_restart_keeps_the_published_version_and_an_edited_file_is_published_as_the_next()
    {
        var folder = Directory.CreateTempSubdirectory("hub-policy-versions-").FullName;
        var file = Path.Combine(folder, "routing-policy.json");
        File.Copy(Path.Combine(AppContext.BaseDirectory, "policy", "routing-policy.json"), file);
        var settings = new Dictionary<string, string?>
        {
            ["Routing:PolicyFile"] = file,
            ["Storage:Sqlite:Path"] = Path.Combine(folder, "hub.db"),
        };
        using (var first = new SandboxHub(new(settings)))
        {
            var policies = new PolicyService.PolicyServiceClient(first.Channel);
            var policy = JsonNode.Parse((await policies.GetPolicyAsync(new GetPolicyRequest())).PolicyJson)!;
            GbToAmer(policy);
            await policies.PublishPolicyAsync(new PublishPolicyRequest { PolicyJson = policy.ToJsonString() });
        }

        using (var second = new SandboxHub(new(settings)))
        {
            // The file did not change since it was published as version 1, so version 2 still runs.
            var policies = new PolicyService.PolicyServiceClient(second.Channel);
            Assert.Equal(2, (await policies.GetPolicyAsync(new GetPolicyRequest())).Version);
        }

        var edited = JsonNode.Parse(await File.ReadAllTextAsync(file))!;
        edited["regionsByCountry"]!["IS"] = "EMEA";
        await File.WriteAllTextAsync(file, edited.ToJsonString());
        using var third = new SandboxHub(new(settings));
        var running = await new PolicyService.PolicyServiceClient(third.Channel).GetPolicyAsync(new GetPolicyRequest());
        Assert.Equal(3, running.Version);
        Assert.Contains("\"IS\": \"EMEA\"", running.PolicyJson, StringComparison.Ordinal);
        Assert.Contains("\"GB\": \"EMEA\"", running.PolicyJson, StringComparison.Ordinal); // the file's, not v2's
    }

    private static void GbToAmer(JsonNode policy) => policy["regionsByCountry"]!["GB"] = "AMER";

    private async Task<string> CandidateAsync(Action<JsonNode> change)
    {
        var policy = JsonNode.Parse((await _policies.GetPolicyAsync(new GetPolicyRequest())).PolicyJson)!;
        change(policy);
        return policy.ToJsonString();
    }
}
