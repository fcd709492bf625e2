namespace IntegrationHub.Server.Connectors;

/// <summary>
/// How one capability is served, bound from <c>Capabilities:&lt;Capability&gt;</c>: either the
/// name of a connector plugin, or the address of a remote process serving the capability's
/// gRPC contract. Exactly one of the two.
/// </summary>
public sealed class CapabilityOptions
{
    public const string Section = "Capabilities";

    /// <summary>The connector plugin's name, for example "Salesforce".</summary>
    public string? Connector { get; set; }

    /// <summary>The remote gRPC endpoint, for example "https://crm-connector.internal:7443".</summary>
    public Uri? Endpoint { get; set; }
}
