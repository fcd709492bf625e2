using IntegrationHub.Hub.Credentials;
using IntegrationHub.Sdk.Connectors;

namespace IntegrationHub.Hub.Capabilities;

/// <summary>A connector plugin class found by scanning, and where it was found.</summary>
public sealed record DiscoveredConnector(ConnectorDescriptor Descriptor, ConnectorOrigin Origin);
