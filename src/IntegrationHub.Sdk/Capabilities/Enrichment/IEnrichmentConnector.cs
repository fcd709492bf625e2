using System.Net;

namespace IntegrationHub.Sdk.Capabilities.Enrichment;

/// <summary>Reverse-IP firmographics (6sense-like).</summary>
public interface IEnrichmentConnector : ICapabilityConnector
{
    /// <summary>
    /// Identifies the company behind an IP. An unknown IP is not an error: the result has
    /// <see cref="MatchStatus.NoMatch"/>.
    /// </summary>
    Task<CompanyIdentification> IdentifyCompanyAsync(IPAddress ipAddress, CancellationToken cancellationToken);
}
