using System.Net;
using IntegrationHub.Sdk.Capabilities.Enrichment;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Hub.Caching;

/// <summary>Wraps whichever enrichment connector is configured with the look-up cache of companies by IP.</summary>
public sealed class CachingEnrichmentConnector(
    IEnrichmentConnector inner,
    VendorLookupCaches caches,
    IOptions<CacheOptions> options
) : IEnrichmentConnector
{
    public Task<CompanyIdentification> IdentifyCompanyAsync(IPAddress ipAddress, CancellationToken cancellationToken) =>
        caches.Enrichment.GetOrLoadAsync(
            ipAddress.ToString(),
            ct => inner.IdentifyCompanyAsync(ipAddress, ct),
            result =>
                result.MatchStatus == MatchStatus.Match
                    ? options.Value.EnrichmentLifetime
                    : options.Value.EnrichmentNoMatchLifetime,
            cancellationToken
        );
}
