using IntegrationHub.Server.Plugins;
using IntegrationHub.Server.Tests.Hosting;
using IntegrationHub.Testing;

namespace IntegrationHub.Server.Tests.Startup;

/// <summary>
/// A plugin the hub must not load stops the hub process before any of the plugin's code runs: one line per
/// plugin naming it (and, for the SDK version rule, its SDK version and the hub's), exit code 78, no stack trace.
/// </summary>
public sealed class PluginRefusalTests
{
    [Fact]
    public async Task A_plugin_built_against_a_newer_sdk_minor_is_refused_naming_both_versions()
    {
        var folder = PluginBuilds.NewPluginsFolder();
        // Before the rule this passed the major check and then killed the hub with FileNotFoundException.
        PluginBuilds.ClaimSdkVersion(folder, major: 1, minor: 1);

        var line = await SingleRefusalLineAsync(Settings(folder, allowed: PluginBuilds.ExternalPluginName));

        Assert.Contains(
            "Plugin 'IntegrationHub.ExternalPlugin' was built against IntegrationHub.Sdk 1.1.0, but this hub runs "
                + "SDK 1.0.0",
            line,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public async Task A_plugin_not_on_the_allow_list_is_refused_naming_it()
    {
        var line = await SingleRefusalLineAsync(Settings(PluginBuilds.NewPluginsFolder(), allowed: "Some.Other"));

        Assert.Contains(
            "Plugin 'IntegrationHub.ExternalPlugin' is in the plugins folder but not on the allow list",
            line,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public async Task A_chosen_plugin_without_credentials_or_a_deployed_fake_is_refused_naming_it()
    {
        var settings = Settings(PluginBuilds.NewPluginsFolder(), allowed: PluginBuilds.ExternalPluginName);
        settings["Capabilities:Marketing:Connector"] = "EchoMarketing";

        var line = await SingleRefusalLineAsync(settings);

        Assert.Contains(
            "Connector 'EchoMarketing' has no credentials under Connectors:EchoMarketing and ships no sandbox fake",
            line,
            StringComparison.Ordinal
        );
    }

    [Theory]
    [InlineData(1, 0, 1, 0, true)]
    [InlineData(1, 0, 1, 4, true)]
    [InlineData(1, 5, 1, 4, false)]
    [InlineData(2, 0, 1, 4, false)]
    [InlineData(0, 9, 1, 4, false)]
    public void Same_major_and_a_minor_no_newer_than_the_hubs_is_compatible(
        int pluginMajor,
        int pluginMinor,
        int hubMajor,
        int hubMinor,
        bool compatible
    ) =>
        Assert.Equal(
            compatible,
            PluginCompatibility.IsCompatible(new Version(pluginMajor, pluginMinor, 0), new Version(hubMajor, hubMinor))
        );

    private static Dictionary<string, string?> Settings(string pluginsFolder, string allowed) =>
        new() { ["Plugins:Path"] = pluginsFolder, ["Plugins:Allowed:0:Name"] = allowed };

    private static async Task<string> SingleRefusalLineAsync(Dictionary<string, string?> settings)
    {
        var (exitCode, error, output) = await HubProcess.RefusalAsync(settings);

        Assert.True(exitCode == 78, $"exit code {exitCode}:\n{error}\n{output}");
        var line = Assert.Single(
            error.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
        );
        Assert.StartsWith("IntegrationHub refused to start: ", line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", error + output, StringComparison.Ordinal);
        return line;
    }
}
