using IntegrationHub.Sdk.Connectors;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationHub.Connectors.Outreach;

/// <summary>
/// Registers the API session the connector shares across calls (one token per installation), and
/// reads the webhook secret from where hubs kept it before it was the connector's own option.
/// </summary>
public sealed class OutreachSetup : IConnectorSetup
{
    /// <summary>The hub's key for the webhook secret before <see cref="OutreachOptions.WebhookSecret"/>.</summary>
    public const string FormerWebhookSecretKey = "Webhooks:OutreachSecret";

    public string ConnectorName => OutreachConnector.Name;

    public void Configure(IServiceCollection services, IHttpClientBuilder httpClient, IConfiguration section)
    {
        services.AddSingleton<OutreachApi>();
        // Runs after the options are bound from Connectors:Outreach, so the new key wins when both are set.
        services
            .AddOptions<OutreachOptions>()
            .Configure<IServiceProvider>(
                (options, provider) =>
                {
                    if (
                        string.IsNullOrEmpty(options.WebhookSecret)
                        && provider.GetService<IConfiguration>()?[FormerWebhookSecretKey] is { Length: > 0 } former
                    )
                    {
                        options.WebhookSecret = former;
                    }
                }
            );
    }
}
