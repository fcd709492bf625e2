using System.Text.RegularExpressions;
using Grpc.Core;
using IntegrationHub.Contracts.Sequencing.V1;
using IntegrationHub.Testing;

namespace IntegrationHub.Cli.Tests;

/// <summary>
/// hubctl connectors against a hub whose Outreach refresh token was spent by someone else (another
/// installation of the app): the operator sees Outreach unhealthy, since when and what to do, and
/// the command exits non-zero so a script notices.
/// </summary>
public sealed partial class CredentialRefusalCommandTests : IAsyncLifetime
{
    private ExternalVendors _vendors = null!;
    private HubProcess _hub = null!;

    public async Task InitializeAsync()
    {
        _vendors = await ExternalVendors.StartAsync();
        _hub = await HubProcess.StartAsync(_vendors.Settings);
    }

    public async Task DisposeAsync()
    {
        await _hub.DisposeAsync();
        await _vendors.DisposeAsync();
    }

    [Fact]
    public async Task Connectors_shows_outreach_credentials_refused_since_when_with_the_way_out()
    {
        var sequencing = new SequencingService.SequencingServiceClient(_hub.Channel);
        await sequencing.GetProspectAsync(new GetProspectRequest { Email = "jane.doe@acme.com" });
        _vendors.Sequencer.RotateElsewhere();
        _vendors.Sequencer.ExpireTokens();
        await Assert.ThrowsAsync<RpcException>(() =>
            sequencing.GetProspectAsync(new GetProspectRequest { Email = "jane.doe@acme.com" }).ResponseAsync
        );

        var run = await HubCtlRun.AgainstAsync(_hub, ["connectors"]);

        Assert.NotEqual(0, run.ExitCode);
        Assert.Equal("unhealthy", Assert.Single(run.Rows("Outreach"), r => r[0] == "Outreach")[4]);
        var text = Spaces().Replace(run.Output.Replace('│', ' '), " ");
        Assert.Matches(
            @"Outreach credentials refused since \d{4}-\d\d-\d\d \d\d:\d\d:\d\dZ: "
                + @"Outreach refused the hub's refresh token \(invalid_grant\); re-authorize the app",
            text
        );
        Assert.All(new[] { "SixSense", "Salesforce", "Marketo", "Zoom" }, name =>
            Assert.Equal("healthy", Assert.Single(run.Rows(name))[4])
        );
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
