namespace IntegrationHub.Server.Plugins;

/// <summary>Where connector plugins come from, bound from <c>Plugins</c>.</summary>
public sealed class PluginOptions
{
    public const string Section = "Plugins";

    /// <summary>
    /// A folder of plugin builds, one sub-folder each (the plugin's build output with its
    /// .deps.json). Relative paths are relative to the hub's content root. Missing is fine.
    /// </summary>
    public string Path { get; set; } = "plugins";

    /// <summary>Further assemblies, by name, already deployed with the hub, to scan for connectors.</summary>
    public List<string> Assemblies { get; set; } = [];
}
