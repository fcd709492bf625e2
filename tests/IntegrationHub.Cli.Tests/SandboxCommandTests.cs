using IntegrationHub.Testing;

namespace IntegrationHub.Cli.Tests;

/// <summary>
/// Rehearsing a vendor outage with hubctl against a running sandbox hub: the condition set, seen in `sandbox status`
/// and `connectors`, felt by routing, and healed. Its own hub, so no other test meets the outage.
/// </summary>
public sealed class SandboxCommandTests(SandboxHubFixture fixture) : IClassFixture<SandboxHubFixture>
{
    private const string AcmeIp = "203.0.113.5"; // Acme Corp: known to the sandbox enrichment vendor

    private HubProcess Hub => fixture.Hub;

    [Fact]
    public async Task Down_is_shown_felt_by_routing_and_healed()
    {
        // A hub just started reads its reps' calendars on its first decisions (a cold connector can be late for
        // them): wait for a decision made with every fact, so the outage below is the only thing missing. From an
        // address the vendor does not know, so Acme's company is not cached before the outage.
        await Eventually.HappensAsync(
            async () => !(await Hub.RouteVisitorAsync("198.51.100.77")).Degraded,
            "a decision made with every fact"
        );
        var down = await HubCtlRun.AgainstAsync(Hub, ["sandbox", "down", "sixsense", "--for", "10m"]);

        Assert.True(down.ExitCode == 0, down.ToString());
        Assert.Contains("SixSense (sandbox) is now down until", down.Output, StringComparison.Ordinal);
        var status = await HubCtlRun.AgainstAsync(Hub, ["sandbox", "status"]);
        Assert.StartsWith("down until", Assert.Single(status.Rows("SixSense"))[1], StringComparison.Ordinal);
        Assert.Equal("healthy", Assert.Single(status.Rows("Zoom"))[1]);
        var connectors = await HubCtlRun.AgainstAsync(Hub, ["connectors"]);
        Assert.Contains(
            "sandbox vendor down until",
            Assert.Single(connectors.Rows("SixSense"))[5],
            StringComparison.Ordinal
        );
        var degraded = await Hub.RouteVisitorAsync(AcmeIp);
        Assert.True(degraded.Degraded);
        var decisions = await HubCtlRun.AgainstAsync(Hub, ["decisions", "list", "--limit", "5"]);
        // Failed, or late when the connector's retries of the outage outlast the decision's deadline.
        Assert.Matches(@"^company \(SixSense (failed|late)\)$", Assert.Single(decisions.Rows(degraded.Id))[^1]);

        var heal = await HubCtlRun.AgainstAsync(Hub, ["sandbox", "heal", "SixSense"]);

        Assert.True(heal.ExitCode == 0, heal.ToString());
        Assert.Contains("SixSense (sandbox) is now healthy.", heal.Output, StringComparison.Ordinal);
        status = await HubCtlRun.AgainstAsync(Hub, ["sandbox", "status"]);
        Assert.Equal("healthy", Assert.Single(status.Rows("SixSense"))[1]);
    }

    [Fact]
    public async Task Bad_input_names_the_field_and_exits_2()
    {
        var run = await HubCtlRun.AgainstAsync(Hub, ["sandbox", "fail", "Salesforce", "--share", "130"]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("failure_share_percent", run.Output, StringComparison.Ordinal);
        var unknown = await HubCtlRun.AgainstAsync(Hub, ["sandbox", "slow", "Hubspot", "--latency", "2s"]);
        Assert.Equal(2, unknown.ExitCode);
        Assert.Contains("connector", unknown.Output, StringComparison.Ordinal);
    }
}
