using IntegrationHub.Contracts.Routing.V1;
using IntegrationHub.Server.Tests.Hosting;

namespace IntegrationHub.Server.Tests.Startup;

/// <summary>A partner's connector, built outside the hub, dropped into the plugins folder.</summary>
public sealed class PluginFolderTests
{
    private static Dictionary<string, string?> WithEchoPlugin(string pluginsFolder, string? publicKeyToken = null)
    {
        var settings = HubFactory.MemorySettings();
        settings["Plugins:Path"] = pluginsFolder;
        settings["Plugins:Allowed:0:Name"] = "IntegrationHub.ExternalPlugin";
        settings["Plugins:Allowed:0:PublicKeyToken"] = publicKeyToken;
        settings["Capabilities:Marketing:Connector"] = "EchoMarketing";
        settings["Connectors:EchoMarketing:BaseUrl"] = "http://echo.invalid/";
        settings["Connectors:EchoMarketing:ApiKey"] = "k";
        settings["Connectors:EchoMarketing:ProgramName"] = "Partner webinar";
        return settings;
    }

    [Fact]
    public async Task A_plugin_from_the_folder_is_found_and_serves_its_capability()
    {
        using var hub = new HubFactory(WithEchoPlugin(PluginBuilds.NewPluginsFolder()));
        var catalog = new ConnectorCatalogService.ConnectorCatalogServiceClient(hub.CreateChannel());

        var connectors = (await catalog.ListConnectorsAsync(new ListConnectorsRequest())).Connectors;

        var echo = Assert.Single(connectors, c => c.Name == "EchoMarketing");
        Assert.Equal("plugins-folder", echo.Origin);
        Assert.Equal("0.1.0", echo.Version);
        Assert.Equal(["marketing"], echo.ServingCapabilities);
        Assert.Equal(ConnectorHealth.Healthy, echo.Health);
        Assert.DoesNotContain(
            "marketing",
            Assert.Single(connectors, c => c.Name == MemoryConnector.Name).ServingCapabilities
        );

        // And it answers, with its options bound from Connectors:EchoMarketing.
        var marketing = new IntegrationHub.Contracts.Marketing.V1.MarketingService.MarketingServiceClient(
            hub.CreateChannel()
        );
        var programs = await marketing.ListProgramsByTagAsync(
            new IntegrationHub.Contracts.Marketing.V1.ListProgramsByTagRequest
            {
                TagType = "UsedWithQualified",
                TagValue = "True",
            }
        );
        Assert.Equal("Partner webinar", Assert.Single(programs.Programs).Name);
    }

    [Fact]
    public void A_plugin_built_against_another_sdk_major_version_is_refused_with_both_versions_named()
    {
        var folder = PluginBuilds.NewPluginsFolder();
        PluginBuilds.ClaimSdkVersion(folder, major: 2);
        using var hub = new HubFactory(WithEchoPlugin(folder));

        var error = Assert.ThrowsAny<Exception>(() => hub.CreateChannel());

        var message = error.ToString();
        Assert.Contains(
            "Plugin 'IntegrationHub.ExternalPlugin' was built against IntegrationHub.Sdk 2.0.0",
            message,
            StringComparison.Ordinal
        );
        Assert.Contains("this hub runs SDK 1.0.0", message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_plugin_not_on_the_allow_list_is_refused_before_it_loads()
    {
        var settings = WithEchoPlugin(PluginBuilds.NewPluginsFolder());
        settings["Plugins:Allowed:0:Name"] = "Some.Other.Plugin";
        using var hub = new HubFactory(settings);

        var error = Assert.ThrowsAny<Exception>(() => hub.CreateChannel());

        Assert.Contains(
            "Plugin 'IntegrationHub.ExternalPlugin' is in the plugins folder but not on the allow list",
            error.ToString(),
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void A_plugin_allowed_only_with_a_signing_key_it_lacks_is_refused()
    {
        using var hub = new HubFactory(
            WithEchoPlugin(PluginBuilds.NewPluginsFolder(), publicKeyToken: "b77a5c561934e089")
        );

        var error = Assert.ThrowsAny<Exception>(() => hub.CreateChannel());

        Assert.Contains(
            "is signed with public key token 'none', not the 'b77a5c561934e089' Plugins:Allowed requires",
            error.ToString(),
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void An_empty_or_missing_plugins_folder_is_not_an_error_when_nothing_needs_it()
    {
        var settings = HubFactory.MemorySettings();
        settings["Plugins:Path"] = Path.Combine(Path.GetTempPath(), "no-such-plugins-" + Guid.NewGuid());
        using var hub = new HubFactory(settings);
        Assert.NotNull(hub.CreateChannel());
    }
}
