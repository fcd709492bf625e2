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

    /// <summary>
    /// The plugins the folder may hold, by assembly name and, when given, the public key token
    /// of the key that signed it. A plugin runs with the hub's trust, so one not listed here is
    /// refused before any of its code is loaded.
    /// </summary>
    public List<AllowedPlugin> Allowed { get; set; } = [];
}

public sealed class AllowedPlugin
{
    /// <summary>The plugin's main assembly name, for example "Acme.Connectors.Hubspot".</summary>
    public string Name { get; set; } = "";

    /// <summary>
    /// Hexadecimal public key token (16 digits) the assembly must be signed with; empty: any or none.
    /// </summary>
    public string? PublicKeyToken { get; set; }
}
