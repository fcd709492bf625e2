using System.Net;
using System.Net.Sockets;
using IntegrationHub.Sdk.Capabilities.Enrichment;
using IntegrationHub.Sdk.Connectors;
using IntegrationHub.Sdk.Errors;
using IntegrationHub.Sdk.Http;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Connectors.SixSense;

/// <summary>
/// Reverse-IP firmographics from 6sense Company Identification
/// (<c>GET /v3/company/details?ip=</c>, <c>Authorization: Token …</c>).
/// </summary>
[Connector(Name, typeof(SixSenseOptions), Version = "1.0.0")]
public sealed class SixSenseConnector(IHttpClientFactory clients, IOptions<SixSenseOptions> options)
    : IEnrichmentConnector
{
    public const string Name = "SixSense";

    public async Task<CompanyIdentification> IdentifyCompanyAsync(
        IPAddress ipAddress,
        CancellationToken cancellationToken
    )
    {
        if (WhyNotRoutable(ipAddress) is { } why)
        {
            // A credit is spent per match and such addresses never match: refuse before calling.
            throw ConnectorException.Invalid(new FieldViolation("ip_address", why));
        }

        using var request = new HttpRequestMessage(
            HttpMethod.Get,
            $"v3/company/details?ip={Uri.EscapeDataString(ipAddress.ToString())}"
        );
        request.Headers.TryAddWithoutValidation("Authorization", "Token " + options.Value.ApiToken);
        using var response = await VendorHttp.SendAsync(clients.CreateClient(Name), request, Name, cancellationToken);
        var body = await VendorHttp.BodyAsync(response, cancellationToken);
        return response.StatusCode switch
        {
            HttpStatusCode.OK => SixSenseCompanyParser.Parse(body, options.Value.PrimaryProduct),
            HttpStatusCode.NotFound => CompanyIdentification.NoMatch,
            _ => throw SixSenseErrors.From(response, body),
        };
    }

    /// <summary>Why an address cannot be a website visitor's public IP, or null.</summary>
    internal static string? WhyNotRoutable(IPAddress ip)
    {
        if (ip.IsIPv4MappedToIPv6)
        {
            ip = ip.MapToIPv4();
        }

        if (
            ip.Equals(IPAddress.Any)
            || ip.Equals(IPAddress.IPv6Any)
            || ip.Equals(IPAddress.Broadcast)
            || IPAddress.IsLoopback(ip)
        )
        {
            return "must be a public visitor address, not an unspecified, broadcast or loopback one";
        }

        if (ip.AddressFamily == AddressFamily.InterNetwork)
        {
            var b = ip.GetAddressBytes();
            var isPrivate =
                b[0] == 10
                || (b[0] == 172 && b[1] is >= 16 and <= 31)
                || (b[0] == 192 && b[1] == 168)
                || (b[0] == 169 && b[1] == 254)
                || b[0] >= 224;
            return isPrivate ? "must be a public visitor address, not a private, link-local or multicast one" : null;
        }

        return ip.IsIPv6LinkLocal || ip.IsIPv6Multicast || ip.IsIPv6SiteLocal || ip.IsIPv6UniqueLocal
            ? "must be a public visitor address, not a link-local, unique-local or multicast one"
            : null;
    }
}
