using IntegrationHub.Sdk.Capabilities.Crm;
using IntegrationHub.Sdk.Capabilities.Enrichment;

namespace IntegrationHub.Hub.Caching;

public static class CachingExtensions
{
    /// <summary>
    /// Decorates whichever connectors serve enrichment and CRM with the look-up caches; with <c>Caching:Redis</c>
    /// set, the caches share a second level and a per-key lock with every other instance on that Redis.
    /// </summary>
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
        services.AddSingleton(sp =>
        {
            var options = sp.GetRequiredService<IOptions<CacheOptions>>().Value;
            var shared = string.IsNullOrWhiteSpace(options.Redis)
                ? null
                : new SharedCacheConnection(options, sp.GetRequiredService<ILogger<SharedCacheConnection>>());
            return new VendorLookupCaches(
                options,
                sp.GetRequiredService<TimeProvider>(),
                shared,
                sp.GetRequiredService<ILoggerFactory>()
            );
        });
        services.AddHostedService<LookupCachesStart>();
        services.Decorate<IEnrichmentConnector, CachingEnrichmentConnector>();
        services.Decorate<ICrmConnector, CachingCrmConnector>();
        return services;
    }
}
