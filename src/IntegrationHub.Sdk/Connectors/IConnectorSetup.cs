using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationHub.Sdk.Connectors;

/// <summary>
/// Optional: a plugin class with a public parameterless constructor that adds what the
/// connector needs beyond its options and its resilient HTTP client (an inner message
/// handler that turns a vendor's in-body throttling codes into HTTP signals, a token cache).
/// Called once at start, after the host has registered the connector's named client.
/// </summary>
public interface IConnectorSetup
{
    /// <summary>The connector this setup belongs to (its <see cref="ConnectorAttribute.Name"/>).</summary>
    string ConnectorName { get; }

    /// <summary>
    /// Adds what the connector needs beyond the hub's defaults, such as a handler on its named client.
    /// </summary>
    void Configure(IServiceCollection services, IHttpClientBuilder httpClient, IConfiguration section);
}
