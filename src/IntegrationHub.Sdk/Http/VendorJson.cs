using System.Text.Json;
using System.Text.Json.Nodes;
using IntegrationHub.Sdk.Errors;

namespace IntegrationHub.Sdk.Http;

/// <summary>
/// Reads a successful answer's JSON body. A 200 whose body is cut short or is not JSON (a proxy's error page) is the
/// vendor breaking its protocol: it becomes <see cref="ConnectorErrorKind.VendorProtocol"/>, not a parser's exception
/// escaping the connector (which the hub must treat as a bug).
/// </summary>
public static class VendorJson
{
    /// <summary>The body as JSON, or a <see cref="ConnectorErrorKind.VendorProtocol"/> failure naming it.</summary>
    /// <param name="body">The answer's body as received.</param>
    /// <param name="vendor">The vendor's name, for the error.</param>
    public static JsonNode? Parse(string body, string vendor)
    {
        try
        {
            return JsonNode.Parse(body);
        }
        catch (JsonException ex)
        {
            throw new ConnectorException(
                ConnectorErrorKind.VendorProtocol,
                $"{vendor} sent a body that is not JSON.",
                ex
            )
            {
                Vendor = vendor,
                Reason = "VENDOR_MALFORMED_BODY",
            };
        }
    }
}
