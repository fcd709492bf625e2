using System.Reflection;
using IntegrationHub.Sdk.Connectors;

namespace IntegrationHub.Server.Plugins;

/// <summary>
/// A plugin is compatible when it was built against an SDK of the hub's major version.
/// Checked from the plugin's references before any of its types is touched.
/// </summary>
public static class PluginCompatibility
{
    /// <summary>Null when compatible, otherwise the reason, naming both versions.</summary>
    public static string? Check(string pluginName, IEnumerable<AssemblyName> references, Version hostSdk)
    {
        var sdk = references.FirstOrDefault(r => r.Name == SdkVersion.AssemblyName);
        if (sdk?.Version is null)
        {
            return $"Plugin '{pluginName}' does not reference {SdkVersion.AssemblyName}, so it cannot contain a "
                + $"connector.";
        }

        return sdk.Version.Major == hostSdk.Major
            ? null
            : $"Plugin '{pluginName}' was built against {SdkVersion.AssemblyName} {sdk.Version}, but this hub runs "
                + $"SDK {hostSdk}; "
                + $"plugins must be built against SDK {hostSdk.Major}.x. Rebuild the plugin or remove it from the "
                + $"plugins folder.";
    }
}
