using IntegrationHub.Sdk.Connectors;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationHub.Connectors.Zoom;

/// <summary>Registers the shared API session and the daily-limit signal inside the resilience pipeline.</summary>
public sealed class ZoomSetup : IConnectorSetup
{
    public string ConnectorName => ZoomConnector.Name;

    public void Configure(IServiceCollection services, IHttpClientBuilder httpClient, IConfiguration section)
    {
        services.AddSingleton<ZoomApi>();
        services.AddTransient<ZoomDailyLimitSignal>();
        httpClient.AddHttpMessageHandler<ZoomDailyLimitSignal>();
    }
}
