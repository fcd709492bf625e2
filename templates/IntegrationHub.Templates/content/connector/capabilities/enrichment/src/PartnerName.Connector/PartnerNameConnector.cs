using System.Net;
using IntegrationHub.Sdk.Capabilities.Enrichment;
using IntegrationHub.Sdk.Connectors;
using IntegrationHub.Sdk.Errors;
using Microsoft.Extensions.Options;

namespace PartnerName.Connector;

/// <summary>
/// Reverse-IP firmographics from the PartnerName API (<c>GET /v1/companies/lookup?ip=</c> with <c>X-Api-Key</c>).
/// </summary>
[Connector(Name, typeof(PartnerNameOptions), Version = "0.1.0")]
public sealed class PartnerNameConnector(IHttpClientFactory clients, IOptions<PartnerNameOptions> options)
    : IEnrichmentConnector
{
    /// <summary>
    /// The connector's name: its configuration section and the value of Capabilities:Enrichment:Connector.
    /// </summary>
    public const string Name = "PartnerName";

    private readonly PartnerNameApiClient _api = new(clients, options);

    /// <inheritdoc />
    public async Task<CompanyIdentification> IdentifyCompanyAsync(
        IPAddress ipAddress,
        CancellationToken cancellationToken
    )
    {
        if (IsUnroutable(ipAddress))
        {
            // No visitor comes from such an address, and a refused call costs the vendor nothing.
            throw ConnectorException.Invalid(
                new FieldViolation(
                    "ip_address",
                    "must be a public visitor address, not an unspecified or broadcast one"
                )
            );
        }

        var (status, body) = await _api.SendAsync(
            HttpMethod.Get,
            $"v1/companies/lookup?ip={Uri.EscapeDataString(ipAddress.ToString())}",
            null,
            "ip_address",
            cancellationToken,
            HttpStatusCode.OK,
            HttpStatusCode.NotFound
        );
        return status == HttpStatusCode.OK ? PartnerNameCompanyParser.Parse(body) : CompanyIdentification.NoMatch;
    }

    private static bool IsUnroutable(IPAddress ip) =>
        ip.Equals(IPAddress.Any) || ip.Equals(IPAddress.IPv6Any) || ip.Equals(IPAddress.Broadcast);
}
