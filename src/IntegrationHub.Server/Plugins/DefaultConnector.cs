using IntegrationHub.Hub.Capabilities;
using IntegrationHub.Sdk.Capabilities;

namespace IntegrationHub.Server.Plugins;

/// <summary>
/// The connector serving a capability that configuration names none for: the only loaded one that
/// implements it; among several, the only one deployed with the hub, since a plugin dropped into the
/// folder beside a bundled connector must be chosen on purpose. Anything less clear is refused, so
/// which vendor the hub talks to never depends on which assemblies happen to be present.
/// </summary>
internal static class DefaultConnector
{
    /// <returns>The chosen connector, or else the problem to list, naming <paramref name="key"/>.</returns>
    public static (DiscoveredConnector? Chosen, string? Problem) Choose(
        Capability capability,
        IReadOnlyList<DiscoveredConnector> discovered,
        string key,
        string found
    )
    {
        var candidates = discovered.Where(d => d.Descriptor.Capabilities.Contains(capability)).ToList();
        if (candidates.Count == 0)
        {
            return (
                null,
                $"{key} is not set, and no connector that implements {capability.Key()} was found. "
                    + $"Found: {found}."
            );
        }

        if (candidates.Count == 1)
        {
            return (candidates[0], null);
        }

        var bundled = candidates.Where(d => d.Origin == ConnectorOrigin.Referenced).ToList();
        if (bundled.Count == 1)
        {
            return (bundled[0], null);
        }

        var names = string.Join(", ", candidates.Select(d => $"{d.Descriptor.Name} ({Origin(d.Origin)})"));
        return (
            null,
            $"{key} is not set, and several connectors implement {capability.Key()}: {names}. "
                + $"Set {key} to the one that should serve it."
        );
    }

    private static string Origin(ConnectorOrigin origin) =>
        origin == ConnectorOrigin.PluginsFolder ? "plugins folder" : "deployed with the hub";
}
