using System.Net;
using IntegrationHub.Sdk.Capabilities.Enrichment;

namespace IntegrationHub.Sdk.TestKit.Tests.Broken;

/// <summary>Wrong field mapping: writes the country's name where its ISO 3166 code belongs.</summary>
internal sealed class CountryNameAsCode(IEnrichmentConnector inner) : IEnrichmentConnector
{
    public async Task<CompanyIdentification> IdentifyCompanyAsync(
        IPAddress ipAddress,
        CancellationToken cancellationToken
    )
    {
        var found = await inner.IdentifyCompanyAsync(ipAddress, cancellationToken);
        return found.Company is { } company
            ? found with
            {
                Company = company with { CountryCode = company.Country },
            }
            : found;
    }
}
