using IntegrationHub.Hub.Capabilities;
using IntegrationHub.Sdk.Webhooks;

namespace IntegrationHub.Server.Webhooks;

/// <summary>
/// The webhook receiver of each connector the hub runs: a connector class serving a capability
/// that also implements <see cref="IWebhookReceiver"/>. A connector that was found but serves
/// nothing has no options bound, so it cannot verify anything and is not offered.
/// </summary>
public sealed class WebhookReceivers(ConnectorCatalog catalog, IServiceProvider services)
{
    private readonly IReadOnlyList<DiscoveredConnector> _serving =
    [
        .. catalog.Bindings.Values.Select(b => b.Connector).OfType<DiscoveredConnector>().Distinct(),
    ];

    /// <summary>The receiver of the connector named <paramref name="connector"/> (any case), or why none.</summary>
    public (IWebhookReceiver? Receiver, string Name, string? Missing) Find(string connector)
    {
        var match = _serving.FirstOrDefault(c => Named(c, connector));
        if (match is null)
        {
            return catalog.Discovered.FirstOrDefault(c => Named(c, connector)) is { } idle
                ? (
                    null,
                    idle.Descriptor.Name,
                    $"The {idle.Descriptor.Name} connector serves nothing on this hub, so it takes no webhooks."
                )
                : (null, connector, $"No connector named '{connector}' was found.");
        }

        var name = match.Descriptor.Name;
        return services.GetRequiredService(match.Descriptor.ImplementationType) is IWebhookReceiver receiver
            ? (receiver, name, null)
            : (null, name, $"The {name} connector takes no webhooks.");
    }

    private static bool Named(DiscoveredConnector connector, string name) =>
        string.Equals(connector.Descriptor.Name, name, StringComparison.OrdinalIgnoreCase);
}
