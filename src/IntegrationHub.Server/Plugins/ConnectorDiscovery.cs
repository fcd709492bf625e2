using System.Reflection;
using IntegrationHub.Hub.Capabilities;
using IntegrationHub.Hub.Credentials;
using IntegrationHub.Hub.Startup;
using IntegrationHub.Sdk.Connectors;
using IntegrationHub.Server.Plugins;

namespace IntegrationHub.Server.Plugins;

/// <summary>
/// Finds connector plugin classes: in the connector assemblies deployed with the hub
/// (<c>IntegrationHub.Connectors.*.dll</c> beside it, plus any named in
/// <c>Plugins:Assemblies</c>) and in the plugins folder.
/// </summary>
internal static class ConnectorDiscovery
{
    public const string AssemblyPrefix = "IntegrationHub.Connectors.";

    public static (IReadOnlyList<Assembly> Assemblies, IReadOnlyList<DiscoveredConnector> Connectors) Discover(
        PluginOptions options,
        string contentRoot
    )
    {
        var referenced = Directory
            .EnumerateFiles(AppContext.BaseDirectory, AssemblyPrefix + "*.dll")
            .Select(Path.GetFileNameWithoutExtension)
            .OfType<string>()
            .Where(n => !n.EndsWith(".Tests", StringComparison.Ordinal))
            .Concat(options.Assemblies)
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .Select(n => Assembly.Load(new AssemblyName(n)))
            .ToList();
        var folder = Path.IsPathRooted(options.Path) ? options.Path : Path.Combine(contentRoot, options.Path);
        var plugins = PluginFolder.Load(folder, options.Allowed);

        var connectors = referenced
            .SelectMany(a => Describe(a, ConnectorOrigin.Referenced))
            .Concat(plugins.SelectMany(a => Describe(a, ConnectorOrigin.PluginsFolder)))
            .ToList();
        var duplicate = connectors
            .GroupBy(c => c.Descriptor.Name, StringComparer.OrdinalIgnoreCase)
            .FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            var types = string.Join(
                " and ",
                duplicate.Select(d => d.Descriptor.ImplementationType.AssemblyQualifiedName)
            );
            throw new HubStartRefusedException(
                $"Two connectors are named '{duplicate.Key}': {types}. Connector names must be unique."
            );
        }

        return ([.. referenced, .. plugins], connectors);
    }

    private static IEnumerable<DiscoveredConnector> Describe(Assembly assembly, ConnectorOrigin origin) =>
        assembly
            .GetExportedTypes()
            .Select(ConnectorDescriptor.Of)
            .OfType<ConnectorDescriptor>()
            .Select(d => new DiscoveredConnector(d, origin));
}
