using System.Net;
using IntegrationHub.Sdk.Capabilities.Enrichment;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Hub.Caching;

/// <summary>Wraps whichever enrichment connector is configured with the shared single-flight cache.</summary>
public sealed class CachingEnrichmentConnector(
    IEnrichmentConnector inner,
    TimeProvider time,
    IOptions<CacheOptions> options
) : IEnrichmentConnector
{
    private readonly SingleFlightCache<IPAddress, CompanyIdentification> _cache = new(
        "enrichment_by_ip",
        time,
        options.Value.MaxEntries
    );

    public Task<CompanyIdentification> IdentifyCompanyAsync(IPAddress ipAddress, CancellationToken cancellationToken) =>
        _cache.GetOrLoadAsync(
            ipAddress,
            ct => inner.IdentifyCompanyAsync(ipAddress, ct),
            result =>
                result.MatchStatus == MatchStatus.Match
                    ? options.Value.EnrichmentLifetime
                    : options.Value.EnrichmentNoMatchLifetime,
            cancellationToken
        );
}
