using System.Text.Json;
using System.Text.Json.Nodes;
using IntegrationHub.Sdk.Errors;

namespace IntegrationHub.Connectors.Salesforce;

/// <summary>
/// Reads a successful answer's body. A 200 whose body is cut short or not JSON (a proxy's page) is the vendor
/// breaking its protocol, reported as such rather than escaping as a parser's exception (INTERNAL at the hub).
/// </summary>
internal static class SalesforceJson
{
    public static JsonNode? Parse(string body)
    {
        try
        {
            return JsonNode.Parse(body);
        }
        catch (JsonException ex)
        {
            throw new ConnectorException(
                ConnectorErrorKind.VendorProtocol,
                "Salesforce sent a body that is not JSON.",
                ex
            )
            {
                Vendor = SalesforceConnector.Name,
                Reason = "SALESFORCE_MALFORMED_BODY",
            };
        }
    }
}
