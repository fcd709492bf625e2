using IntegrationHub.Sdk.Connectors;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationHub.Connectors.Outreach;

/// <summary>Registers the API session the connector shares across calls (one token per installation).</summary>
public sealed class OutreachSetup : IConnectorSetup
{
    public string ConnectorName => OutreachConnector.Name;

    public void Configure(IServiceCollection services, IHttpClientBuilder httpClient, IConfiguration section) => services.AddSingleton<OutreachApi>();
}
