using System.Net;
using IntegrationHub.Sdk.Capabilities.Enrichment;

namespace IntegrationHub.Sdk.TestKit.Tests.Broken;

/// <summary>Dropped cancellation: honours a token already cancelled, then calls the vendor without it.</summary>
internal sealed class TokenDroppedAfterFirstCheck(IEnrichmentConnector inner) : IEnrichmentConnector
{
    public Task<CompanyIdentification> IdentifyCompanyAsync(IPAddress ipAddress, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        return inner.IdentifyCompanyAsync(ipAddress, CancellationToken.None);
    }
}
