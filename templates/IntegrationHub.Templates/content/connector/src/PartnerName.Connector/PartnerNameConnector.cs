using System.Net;
using IntegrationHub.Sdk.Capabilities.Enrichment;
using IntegrationHub.Sdk.Connectors;
using IntegrationHub.Sdk.Errors;
using IntegrationHub.Sdk.Http;
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

        using var request = new HttpRequestMessage(
            HttpMethod.Get,
            $"v1/companies/lookup?ip={Uri.EscapeDataString(ipAddress.ToString())}"
        );
        request.Headers.TryAddWithoutValidation("X-Api-Key", options.Value.ApiKey);
        using var response = await VendorHttp.SendAsync(clients.CreateClient(Name), request, Name, cancellationToken);
        var body = await VendorHttp.BodyAsync(response, cancellationToken);
        return response.StatusCode switch
        {
            HttpStatusCode.OK => PartnerNameCompanyParser.Parse(body),
            HttpStatusCode.NotFound => CompanyIdentification.NoMatch,
            _ => throw PartnerNameErrors.From(response, body),
        };
    }

    private static bool IsUnroutable(IPAddress ip) =>
        ip.Equals(IPAddress.Any) || ip.Equals(IPAddress.IPv6Any) || ip.Equals(IPAddress.Broadcast);
}
