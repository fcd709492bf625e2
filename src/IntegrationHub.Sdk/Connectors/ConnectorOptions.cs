using System.ComponentModel.DataAnnotations;
using IntegrationHub.Sdk.Http;

namespace IntegrationHub.Sdk.Connectors;

/// <summary>
/// What every connector's options share. A plugin derives its own (credentials, vendor
/// specifics) and validates them with data annotations or <see cref="IValidatableObject"/>.
/// </summary>
public abstract class ConnectorOptions
{
    /// <summary>The vendor API's base address. In sandbox mode the hub points it at the fake.</summary>
    [Required]
    public Uri? BaseUrl { get; set; }

    /// <summary>Retries, timeouts and circuit breaker for calls to this vendor.</summary>
    [Required]
    public ConnectorResilienceOptions Resilience { get; set; } = new();

    /// <summary>
    /// True when real credentials are configured. A chosen connector without them runs
    /// against its in-process fake (sandbox mode).
    /// </summary>
    public abstract bool HasCredentials { get; }
}
