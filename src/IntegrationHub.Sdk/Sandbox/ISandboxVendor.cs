namespace IntegrationHub.Sdk.Sandbox;

/// <summary>
/// An in-process fake of a vendor, found by scanning like connectors. In sandbox mode (a
/// chosen connector with no credentials) the host starts it on a loopback port, seeded from
/// the seed file, and applies the returned settings under <c>Connectors:&lt;Name&gt;</c>.
/// </summary>
public interface ISandboxVendor : IAsyncDisposable
{
    /// <summary>The connector this fake stands in for.</summary>
    string ConnectorName { get; }

    /// <summary>
    /// Starts the fake and returns the connector settings that point at it (relative keys
    /// such as "BaseUrl", "ClientId", "ClientSecret").
    /// </summary>
    Task<IReadOnlyDictionary<string, string?>> StartAsync(SandboxSeed seed, CancellationToken cancellationToken);
}
