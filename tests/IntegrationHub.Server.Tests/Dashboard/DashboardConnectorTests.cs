using System.Text.RegularExpressions;
using Grpc.Core;
using Grpc.Net.Client;
using IntegrationHub.Contracts.Admin.V1;
using IntegrationHub.Contracts.Routing.V1;
using IntegrationHub.Contracts.Sequencing.V1;
using IntegrationHub.Server.Security;
using IntegrationHub.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IntegrationHub.Server.Tests.Dashboard;

/// <summary>
/// The dashboard's connector panel, read with a key that holds only the routing scope (as a manager's would): each
/// connector with what it serves, its health, its sandbox vendor's condition, and since when its vendor has refused
/// the hub's credentials. The full catalog (remote endpoints) stays admin-only.
/// </summary>
public sealed class DashboardConnectorTests(DashboardBrowser browser) : IClassFixture<DashboardBrowser>
{
    [Fact]
    public async Task A_sandbox_vendor_put_down_shows_on_the_panel_for_a_routing_key()
    {
        await using var hub = await HubProcess.StartAsync(new Dictionary<string, string?>());
        await new SandboxService.SandboxServiceClient(hub.Channel).SetVendorConditionAsync(
            new SetVendorConditionRequest
            {
                Connector = "Salesforce",
                Kind = VendorConditionKind.Down,
                Duration = Google.Protobuf.WellKnownTypes.Duration.FromTimeSpan(TimeSpan.FromMinutes(10)),
            }
        );
        var key = await RoutingKeyAsync(hub);

        var page = await browser.OpenAsync(new Uri($"{hub.HttpAddress}dashboard#key={key}"));

        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync(new Regex("^Updated "));
        var salesforce = await CellsAsync(page, "Salesforce");
        Assert.Equal("crm", salesforce[1]);
        Assert.Matches(@"^sandbox: down until \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC$", salesforce[3]);
        Assert.Equal("accepted", salesforce[4]);
        Assert.Equal(["sequencing", "healthy", "sandbox: healthy"], (await CellsAsync(page, "Outreach"))[1..4]);
        await AdminOnlyCatalogAsync(hub, key);
    }

    [Fact]
    public async Task A_refused_credential_shows_as_credentials_refused_since_on_the_panel()
    {
        await using var vendors = await ExternalVendors.StartAsync();
        await using var hub = await HubProcess.StartAsync(vendors.Settings);
        var sequencing = new SequencingService.SequencingServiceClient(hub.Channel);
        await sequencing.GetProspectAsync(new GetProspectRequest { Email = "jane.doe@acme.com" });
        // Another installation of the Outreach app spends the hub's refresh token.
        vendors.Sequencer.RotateElsewhere();
        vendors.Sequencer.ExpireTokens();
        await Assert.ThrowsAsync<RpcException>(() =>
            sequencing.GetProspectAsync(new GetProspectRequest { Email = "jane.doe@acme.com" }).ResponseAsync
        );
        var key = await RoutingKeyAsync(hub);

        var page = await browser.OpenAsync(new Uri($"{hub.HttpAddress}dashboard#key={key}"));

        var outreach = await CellsAsync(page, "Outreach");
        Assert.Equal(["unhealthy", "live vendor"], outreach[2..4]);
        Assert.Matches(@"^credentials refused since \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC$", outreach[4]);
        Assert.Contains("re-authorize the app", outreach[5], StringComparison.Ordinal);
        Assert.Equal(["healthy", "live vendor", "accepted"], (await CellsAsync(page, "Salesforce"))[2..5]);
    }

    private static async Task<string> RoutingKeyAsync(HubProcess hub) =>
        (
            await new ApiKeyService.ApiKeyServiceClient(hub.Channel).IssueApiKeyAsync(
                new IssueApiKeyRequest { Name = "dashboard", Scopes = { Scopes.Routing } }
            )
        ).Secret;

    /// <summary>The routing key reads the statuses, and still not the admins' catalog.</summary>
    private static async Task AdminOnlyCatalogAsync(HubProcess hub, string routingKey)
    {
        using var channel = GrpcChannel.ForAddress(
            hub.GrpcAddress,
            new GrpcChannelOptions { HttpHandler = HubCredentials.Handler(new SocketsHttpHandler(), routingKey) }
        );
        var catalog = new ConnectorCatalogService.ConnectorCatalogServiceClient(channel);
        Assert.NotEmpty((await catalog.ListConnectorStatusesAsync(new ListConnectorStatusesRequest())).Connectors);
        var refused = await Assert.ThrowsAsync<RpcException>(() =>
            catalog.ListConnectorsAsync(new ListConnectorsRequest()).ResponseAsync
        );
        Assert.Equal(StatusCode.PermissionDenied, refused.StatusCode);
    }

    /// <summary>The connector's row as a person reads it, once the panel has drawn it.</summary>
    private static async Task<string[]> CellsAsync(IPage page, string connector)
    {
        var row = page.Locator($"#connectors tr[data-connector='{connector}']");
        await Expect(row).ToBeVisibleAsync();
        return [.. (await row.Locator("td").AllInnerTextsAsync()).Select(text => text.Trim())];
    }
}
