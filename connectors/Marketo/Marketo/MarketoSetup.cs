using IntegrationHub.Sdk.Connectors;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationHub.Connectors.Marketo;

/// <summary>Adds the in-body error translation inside the resilience pipeline, and the shared API session.</summary>
public sealed class MarketoSetup : IConnectorSetup
{
    public string ConnectorName => MarketoConnector.Name;

    public void Configure(IServiceCollection services, IHttpClientBuilder httpClient, IConfiguration section)
    {
        services.AddTransient<MarketoErrorSignals>();
        httpClient.AddHttpMessageHandler<MarketoErrorSignals>();
        services.AddSingleton<MarketoApi>();
    }
}
