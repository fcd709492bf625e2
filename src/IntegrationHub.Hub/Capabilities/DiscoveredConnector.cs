using IntegrationHub.Sdk.Connectors;
using IntegrationHub.Hub.Credentials;

namespace IntegrationHub.Hub.Capabilities;

/// <summary>A connector plugin class found by scanning, and where it was found.</summary>
public sealed record DiscoveredConnector(ConnectorDescriptor Descriptor, ConnectorOrigin Origin);
