using IntegrationHub.Hub.Credentials;

namespace IntegrationHub.Hub.Capabilities;

/// <summary>Where a capability's connector comes from.</summary>
public enum ConnectorOrigin
{
    /// <summary>An assembly deployed with the hub.</summary>
    Referenced,

    /// <summary>An assembly dropped into the plugins folder.</summary>
    PluginsFolder,

    /// <summary>A remote process serving the capability's gRPC contract.</summary>
    Remote,
}
