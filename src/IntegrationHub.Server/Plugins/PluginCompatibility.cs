using System.Reflection;
using IntegrationHub.Sdk.Connectors;

namespace IntegrationHub.Server.Plugins;

/// <summary>
/// The SDK version rule: a plugin is compatible when every SDK assembly it references (the SDK, and the
/// fake kit for a vendor fake) has the hub's major version and a minor version no newer than the hub's.
/// A newer minor may use members this hub lacks; another major may have changed what exists. Checked from
/// the plugin's metadata before any of its code is loaded.
/// </summary>
public static class PluginCompatibility
{
    /// <summary>Null when compatible, otherwise the reason, naming the plugin and both versions.</summary>
    public static string? Check(string pluginName, IEnumerable<AssemblyName> references, Version hostSdk)
    {
        var sdkFamily = references.Where(r => IsSdkFamily(r.Name)).ToList();
        if (!sdkFamily.Any(r => r.Name == SdkVersion.AssemblyName))
        {
            return $"Plugin '{pluginName}' does not reference {SdkVersion.AssemblyName}, so it cannot contain a "
                + "connector or a vendor fake.";
        }

        var newer = sdkFamily.FirstOrDefault(r => r.Version is { } v && !IsCompatible(v, hostSdk));
        return newer is null
            ? null
            : $"Plugin '{pluginName}' was built against {newer.Name} {Shown(newer.Version!)}, but this hub runs "
                + $"SDK {Shown(hostSdk)}; plugins must be built against SDK {Accepted(hostSdk)}. Rebuild the plugin "
                + "against that SDK, upgrade the hub, or remove the plugin from the plugins folder.";
    }

    /// <summary>Same major; minor not newer than the hub's. Patch releases never change what a plugin sees.</summary>
    public static bool IsCompatible(Version plugin, Version hostSdk) =>
        plugin.Major == hostSdk.Major && plugin.Minor <= hostSdk.Minor;

    private static bool IsSdkFamily(string? name) =>
        name is not null
        && (
            name == SdkVersion.AssemblyName || name.StartsWith(SdkVersion.AssemblyName + ".", StringComparison.Ordinal)
        );

    private static string Accepted(Version hostSdk) =>
        hostSdk.Minor == 0 ? $"{hostSdk.Major}.0" : $"{hostSdk.Major}.0 to {hostSdk.Major}.{hostSdk.Minor}";

    private static string Shown(Version version) => version.ToString(version.Build < 0 ? 2 : 3);
}
