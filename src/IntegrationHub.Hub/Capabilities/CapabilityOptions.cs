using IntegrationHub.Hub.Credentials;
using IntegrationHub.Sdk.Http;

namespace IntegrationHub.Hub.Capabilities;

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

    /// <summary>
    /// TLS towards the remote endpoint: the hub's client certificate (mutual TLS) and the CA its server certificate
    /// must chain to.
    /// </summary>
    public RemoteTlsOptions Tls { get; set; } = new();

    /// <summary>
    /// Timeouts, retries and the circuit breaker for calls to the remote endpoint (the same keys and defaults as a
    /// plugin's <c>Connectors:&lt;Name&gt;:Resilience</c>); validated at start.
    /// </summary>
    public ConnectorResilienceOptions Resilience { get; set; } = new();
}

public sealed class RemoteTlsOptions
{
    /// <summary>A PKCS#12 (.pfx) file with the certificate and key the hub presents to the remote connector.</summary>
    public string? ClientCertificatePath { get; set; }

    public string? ClientCertificatePassword { get; set; }

    /// <summary>
    /// A PEM file of the CA that signed the connector's server certificate; when set, only that CA is trusted for it.
    /// </summary>
    public string? ServerCaPath { get; set; }
}
