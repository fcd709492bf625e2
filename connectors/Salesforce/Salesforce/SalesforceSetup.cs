using IntegrationHub.Sdk.Connectors;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationHub.Connectors.Salesforce;

/// <summary>Registers the session the connector shares across calls (one token per org).</summary>
public sealed class SalesforceSetup : IConnectorSetup
{
    public string ConnectorName => SalesforceConnector.Name;

    public void Configure(IServiceCollection services, IHttpClientBuilder httpClient, IConfiguration section) =>
        services.AddSingleton<SalesforceSession>();
}
