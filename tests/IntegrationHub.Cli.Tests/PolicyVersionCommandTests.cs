using System.Text.Json.Nodes;

namespace IntegrationHub.Cli.Tests;

/// <summary>
/// An operator publishes a policy from a file, reads the history, compares two versions and rolls back, all with
/// hubctl against a hub process of this class's own (publishing changes what the hub runs).
/// </summary>
public sealed class PolicyVersionCommandTests(SandboxHubFixture fixture) : IClassFixture<SandboxHubFixture>
{
    [Fact]
    public async Task Publish_history_diff_and_rollback_tell_an_operator_what_runs_and_what_changed()
    {
        var shown = await HubCtlRun.AgainstAsync(fixture.Hub, ["policy", "show"]);
        var candidate = JsonNode.Parse(shown.Output)!;
        candidate["aiRep"]!["enabled"] = false;
        var file = Path.Combine(Directory.CreateTempSubdirectory("hubctl-").FullName, "candidate.json");
        await File.WriteAllTextAsync(file, candidate.ToJsonString());

        var published = await HubCtlRun.AgainstAsync(
            fixture.Hub,
            ["policy", "publish", file, "--note", "AI rep off for the offsite"]
        );
        Assert.True(published.ExitCode == 0, published.ToString());
        Assert.Contains("Published version 2: 20 reps, 8 pools.", published.Output, StringComparison.Ordinal);
        var again = await HubCtlRun.AgainstAsync(fixture.Hub, ["policy", "publish", file]);
        Assert.Contains("Nothing to publish: the running version 2", again.Output, StringComparison.Ordinal);

        var diff = await HubCtlRun.AgainstAsync(fixture.Hub, ["policy", "diff", "1", "2"]);
        Assert.True(diff.ExitCode == 0, diff.ToString());
        var lines = diff.Output.Split('\n');
        Assert.Single(lines, l => l.StartsWith('-') && l.Contains("\"enabled\": true", StringComparison.Ordinal));
        Assert.Single(lines, l => l.StartsWith('+') && l.Contains("\"enabled\": false", StringComparison.Ordinal));
        Assert.Contains("1 lines removed, 1 added.", diff.Output, StringComparison.Ordinal);

        var rollback = await HubCtlRun.AgainstAsync(fixture.Hub, ["policy", "rollback", "1"]);
        Assert.True(rollback.ExitCode == 0, rollback.ToString());
        Assert.Contains("Published version 3", rollback.Output, StringComparison.Ordinal);

        var history = await HubCtlRun.AgainstAsync(fixture.Hub, ["policy", "history"]);
        Assert.True(history.ExitCode == 0, history.ToString());
        Assert.Contains("Policy versions (running: 3)", history.Output, StringComparison.Ordinal);
        var restored = Assert.Single(history.Rows("rollback to 1"));
        Assert.Equal("3 (running)", restored[0]);
        var offsite = Assert.Single(history.Rows("AI rep off for the offsite"));
        Assert.Equal(["2", "publish"], [offsite[0], offsite[3]]);
        Assert.StartsWith("file:", Assert.Single(history.Rows("file:"))[2], StringComparison.Ordinal);

        var simulated = await HubCtlRun.AgainstAsync(
            fixture.Hub,
            ["policy", "simulate", "--baseline-version", "1", "--candidate-version", "2", "--since", "1h"]
        );
        Assert.True(simulated.ExitCode == 0, simulated.ToString());

        var json = await HubCtlRun.AgainstAsync(fixture.Hub, ["policy", "history", "-o", "json"]);
        Assert.True(json.ExitCode == 0, json.ToString());
        var document = JsonNode.Parse(json.Output)!;
        Assert.Equal("3", (string?)document["runningVersion"]); // int64 as a string, as the proto JSON mapping says
        Assert.Equal("POLICY_VERSION_SOURCE_ROLLBACK", (string?)document["versions"]![0]!["source"]);

        var missing = await HubCtlRun.AgainstAsync(fixture.Hub, ["policy", "rollback", "42"]);
        Assert.Equal(1, missing.ExitCode);
        Assert.Contains("NotFound: No policy version 42.", missing.Output, StringComparison.Ordinal);
        var neither = await HubCtlRun.AgainstAsync(fixture.Hub, ["policy", "simulate", "--since", "1h"]);
        Assert.Equal(2, neither.ExitCode);
    }
}
