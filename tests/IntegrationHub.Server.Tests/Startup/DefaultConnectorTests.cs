using IntegrationHub.Contracts.Routing.V1;
using IntegrationHub.Server.Tests.Hosting;
using IntegrationHub.Server.Tests.Routing;

namespace IntegrationHub.Server.Tests.Startup;

/// <summary>
/// Which connector serves a capability that configuration names none for: the only one loaded that
/// implements it, or among several the only one deployed with the hub; configuration always wins.
/// </summary>
public sealed class DefaultConnectorTests
{
    [Fact]
    public async Task Without_configuration_each_capability_is_served_by_the_only_connector_that_implements_it()
    {
        using var hub = new SandboxHub();

        var serving = await ServingAsync(hub.Channel);

        Assert.Equal(["SixSense"], serving["enrichment"]);
        Assert.Equal(["Salesforce"], serving["crm"]);
        Assert.Equal(["Outreach"], serving["sequencing"]);
        Assert.Equal(["Marketo"], serving["marketing"]);
        Assert.Equal(["Zoom"], serving["meetings"]);
    }

    [Fact]
    public async Task A_connector_deployed_with_the_hub_is_preferred_to_one_from_the_plugins_folder()
    {
        using var hub = new SandboxHub(
            new Dictionary<string, string?>
            {
                ["Plugins:Path"] = PluginBuilds.NewPluginsFolder(),
                ["Plugins:Allowed:0:Name"] = PluginBuilds.ExternalPluginName,
            }
        );

        var serving = await ServingAsync(hub.Channel);

        Assert.Equal(["Marketo"], serving["marketing"]);
        Assert.DoesNotContain(serving.Values, names => names.Contains("EchoMarketing"));
    }

    [Fact]
    public async Task A_connector_named_in_configuration_serves_though_others_implement_the_capability_too()
    {
        // Every capability names Memory, while each bundled vendor connector implements one of them too.
        using var hub = new HubFactory(HubFactory.MemorySettings());

        var serving = await ServingAsync(hub.CreateChannel());

        Assert.All(serving.Values, names => Assert.Equal([MemoryConnector.Name], names));
        Assert.Equal(5, serving.Count);
    }

    [Fact]
    public void Several_connectors_deployed_with_the_hub_and_none_configured_refuse_the_start_naming_them()
    {
        var settings = HubFactory.MemorySettings();
        settings.Remove("Capabilities:Marketing:Connector");
        using var hub = new HubFactory(settings);

        var message = Assert.ThrowsAny<Exception>(() => hub.CreateChannel()).ToString();

        const string expected =
            "Capabilities:Marketing:Connector is not set, and several connectors implement marketing: "
            + "Marketo (deployed with the hub), Memory (deployed with the hub). "
            + "Set Capabilities:Marketing:Connector to the one that should serve it.";
        Assert.Contains(expected, message, StringComparison.Ordinal);
    }

    /// <summary>The names of the connectors serving each capability, as the catalog lists them.</summary>
    private static async Task<Dictionary<string, string[]>> ServingAsync(Grpc.Net.Client.GrpcChannel channel)
    {
        var catalog = new ConnectorCatalogService.ConnectorCatalogServiceClient(channel);
        var connectors = (await catalog.ListConnectorsAsync(new ListConnectorsRequest())).Connectors;
        return connectors
            .SelectMany(c => c.ServingCapabilities.Select(capability => (capability, c.Name)))
            .GroupBy(s => s.capability, s => s.Name)
            .ToDictionary(g => g.Key, g => g.Order(StringComparer.Ordinal).ToArray());
    }
}
