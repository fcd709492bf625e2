using System.Net;
using IntegrationHub.Sdk.Capabilities.Enrichment;
using IntegrationHub.Sdk.Errors;

namespace IntegrationHub.Sdk.TestKit.Tests.Broken;

/// <summary>Retry on a 400: asks again, twice, whatever the vendor's refusal said.</summary>
internal sealed class RetriedWhenRefused(IEnrichmentConnector inner) : IEnrichmentConnector
{
    public async Task<CompanyIdentification> IdentifyCompanyAsync(
        IPAddress ipAddress,
        CancellationToken cancellationToken
    )
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await inner.IdentifyCompanyAsync(ipAddress, cancellationToken);
            }
            catch (ConnectorException) when (attempt < 3) { }
        }
    }
}
