using IntegrationHub.Sdk.Capabilities.Crm;
using IntegrationHub.Sdk.Capabilities.Enrichment;

namespace IntegrationHub.Hub.Caching;

public static class CachingExtensions
{
    /// <summary>Decorates whichever connectors serve enrichment and CRM with the look-up caches.</summary>
    public static IServiceCollection AddVendorLookupCaches(
        this IServiceCollection services,
        IConfiguration configuration
    )
    {
        services
            .AddOptions<CacheOptions>()
            .Bind(configuration.GetSection(CacheOptions.Section))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.Decorate<IEnrichmentConnector, CachingEnrichmentConnector>();
        services.Decorate<ICrmConnector, CachingCrmConnector>();
        return services;
    }
}
