using System.Net;
using System.Text.Json.Nodes;
using System.Xml;
using System.Xml.Linq;
using IntegrationHub.Sdk.Errors;

namespace IntegrationHub.Connectors.Salesforce;

/// <summary>
/// The SOAP API (partner WSDL) calls the REST API has no equivalent for: convertLead(). Envelopes carry the OAuth
/// access token as the SessionHeader's sessionId; faults come back as HTTP 500 with faultcode sf:CODE, per-record
/// failures inside the result (success false, errors[statusCode, message]).
/// </summary>
internal static class SalesforceSoap
{
    private const string Envelope11 = "http://schemas.xmlsoap.org/soap/envelope/";
    public static readonly XNamespace Partner = "urn:partner.soap.sforce.com";

    public static string Envelope(string sessionId, XElement call)
    {
        XNamespace env = Envelope11;
        return new XElement(
            env + "Envelope",
            new XAttribute(XNamespace.Xmlns + "soapenv", Envelope11),
            new XAttribute(XNamespace.Xmlns + "urn", Partner.NamespaceName),
            new XElement(
                env + "Header",
                new XElement(Partner + "SessionHeader", new XElement(Partner + "sessionId", sessionId))
            ),
            new XElement(env + "Body", call)
        ).ToString(SaveOptions.DisableFormatting);
    }

    /// <summary>convertLead() for one lead, fields in the WSDL's order; no opportunity, no email.</summary>
    public static XElement ConvertLead(string leadId, string accountId, string? contactId, string convertedStatus) =>
        new(
            Partner + "convertLead",
            new XElement(
                Partner + "leadConverts",
                new XElement(Partner + "accountId", accountId),
                contactId is null ? null : new XElement(Partner + "contactId", contactId),
                new XElement(Partner + "convertedStatus", convertedStatus),
                new XElement(Partner + "doNotCreateOpportunity", "true"),
                new XElement(Partner + "leadId", leadId),
                new XElement(Partner + "overwriteLeadSource", "false"),
                new XElement(Partner + "sendNotificationEmail", "false")
            )
        );

    /// <summary>The fault's code without its sf: prefix (INVALID_SESSION_ID…), or null for no fault.</summary>
    public static string? FaultCode(string body) =>
        Parse(body)?.Descendants().FirstOrDefault(e => e.Name.LocalName == "faultcode")?.Value is { } code
            ? code[(code.IndexOf(':', StringComparison.Ordinal) + 1)..]
            : null;

    /// <summary>The converted contact's id, or the failure as the REST error it corresponds to.</summary>
    public static string ConvertedContactId(HttpStatusCode status, string body)
    {
        var result =
            status == HttpStatusCode.OK
                ? Parse(body)?.Descendants().FirstOrDefault(e => e.Name.LocalName == "result")
                : null;
        if (result is null)
        {
            throw FaultCode(body) is { } fault ? FromFault(fault, body) : SalesforceErrors.From(status, body);
        }

        string? Value(XElement parent, string name) =>
            parent.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value is { Length: > 0 } v ? v : null;
        if (Value(result, "success") == "true" && Value(result, "contactId") is { } contact)
        {
            return contact;
        }

        var error = result.Elements().FirstOrDefault(e => e.Name.LocalName == "errors");
        var asRest = new JsonArray(
            new JsonObject
            {
                ["errorCode"] = error is null ? null : Value(error, "statusCode"),
                ["message"] = error is null ? "convertLead failed" : Value(error, "message"),
                ["fields"] = new JsonArray(),
            }
        );
        throw SalesforceErrors.From(HttpStatusCode.BadRequest, asRest.ToJsonString());
    }

    private static ConnectorException FromFault(string code, string body)
    {
        var kind = code switch
        {
            "REQUEST_LIMIT_EXCEEDED" => ConnectorErrorKind.QuotaExhausted,
            SalesforceErrors.InvalidSession or "INSUFFICIENT_ACCESS" or "API_DISABLED_FOR_ORG" =>
                ConnectorErrorKind.VendorAuthentication,
            _ => ConnectorErrorKind.VendorProtocol,
        };
        var message = Parse(body)?.Descendants().FirstOrDefault(e => e.Name.LocalName == "faultstring")?.Value;
        return new ConnectorException(kind, $"Salesforce convertLead failed: {message ?? code}")
        {
            Vendor = SalesforceConnector.Name,
            Reason = code,
        };
    }

    private static XElement? Parse(string body)
    {
        try
        {
            return XElement.Parse(body);
        }
        catch (XmlException)
        {
            return null;
        }
    }
}
