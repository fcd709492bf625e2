using System.Globalization;
using System.Security;
using System.Xml;
using System.Xml.Linq;
using IntegrationHub.Sdk.Errors;
using IntegrationHub.Sdk.FakeKit;

namespace IntegrationHub.Connectors.Salesforce.Fake;

/// <summary>
/// Lead conversion as Salesforce offers it to an integration: the SOAP API call convertLead() (partner WSDL) at
/// /services/Soap/u/60.0, the OAuth access token as the SessionHeader's sessionId. Each LeadConvert makes the lead
/// IsConverted (the only way it becomes so) with a convertedStatus that is a converted LeadStatus, merging into the
/// given account (else one made from Company) and contact (else one made from the lead), an opportunity unless
/// doNotCreateOpportunity. Per-lead failures come back in the result (success false, errors[statusCode]); a bad
/// session is a SOAP fault (HTTP 500, sf:INVALID_SESSION_ID).
/// </summary>
public sealed partial class SalesforceFake
{
    private const string SoapPath = "/services/Soap/u/60.0";
    private const string SoapEnv = "http://schemas.xmlsoap.org/soap/envelope/";
    private static readonly XNamespace Partner = "urn:partner.soap.sforce.com";

    /// <summary>The org's LeadStatus picklist: (label, converted), in sort order; the first is the default.</summary>
    public void DeclareLeadStatuses(params (string Label, bool Converted)[] statuses)
    {
        for (var i = 0; i < statuses.Length; i++)
        {
            Insert(
                "LeadStatus",
                new Dictionary<string, object?>
                {
                    ["MasterLabel"] = statuses[i].Label,
                    ["ApiName"] = statuses[i].Label,
                    ["IsConverted"] = statuses[i].Converted,
                    ["IsDefault"] = i == 0,
                    ["SortOrder"] = (decimal)(i + 1),
                }
            );
        }
    }

    private FakeResponse Soap(FakeRequest request)
    {
        XElement envelope;
        try
        {
            envelope = XElement.Parse(request.Body);
        }
        catch (XmlException)
        {
            return Fault("soapenv:Client", "Unable to parse the request envelope");
        }

        var session = Element(envelope, "sessionId")?.Value;
        if (session is null || !_sessions.ContainsKey(session))
        {
            return Fault("sf:INVALID_SESSION_ID", "INVALID_SESSION_ID: Invalid Session ID found in SessionHeader");
        }

        var used = Interlocked.Increment(ref _apiCalls);
        if (used > DailyApiLimit)
        {
            return Fault("sf:REQUEST_LIMIT_EXCEEDED", "REQUEST_LIMIT_EXCEEDED: TotalRequests Limit exceeded.");
        }

        if (Element(envelope, "convertLead") is not { } call)
        {
            return Fault("sf:INVALID_OPERATION", "INVALID_OPERATION: only convertLead is emulated");
        }

        XElement[] results;
        lock (_lock)
        {
            results = [.. call.Elements().Where(e => e.Name.LocalName == "leadConverts").Select(ConvertOne)];
        }

        XNamespace env = SoapEnv;
        var body = new XElement(
            env + "Envelope",
            new XAttribute(XNamespace.Xmlns + "soapenv", SoapEnv),
            new XAttribute("xmlns", Partner.NamespaceName),
            new XElement(env + "Body", new XElement(Partner + "convertLeadResponse", results))
        );
        return new FakeResponse(200, body.ToString(SaveOptions.DisableFormatting), null, "text/xml; charset=utf-8");
    }

    private XElement ConvertOne(XElement convert)
    {
        string? Get(string name) => convert.Elements().FirstOrDefault(e => e.Name.LocalName == name)?.Value;
        var malformed = new[] { "leadId", "accountId", "contactId", "ownerId" }.FirstOrDefault(name =>
            Get(name) is { } value && CaseSafeId.ToEighteen(value) is null
        );
        if (malformed is not null)
        {
            return Result(null, "MALFORMED_ID", $"{malformed}: id value of incorrect type: {Get(malformed)}");
        }

        var lead = Row("Lead", Get("leadId"));
        if (lead is null)
        {
            return Result(null, "INVALID_CROSS_REFERENCE_KEY", "invalid cross reference id");
        }

        if (lead.GetValueOrDefault("IsConverted") is true)
        {
            return Result(null, "CANNOT_UPDATE_CONVERTED_LEAD", "cannot reference converted lead");
        }

        var status = Get("convertedStatus");
        if (!Table("LeadStatus").Any(s => (string?)s["MasterLabel"] == status && s["IsConverted"] is true))
        {
            return Result(null, "INVALID_STATUS", $"invalid convertedStatus: {status}");
        }

        var (accountId, contactId) = (CaseSafeId.ToEighteen(Get("accountId")), CaseSafeId.ToEighteen(Get("contactId")));
        var account = accountId is null ? null : Row("Account", accountId);
        var contact = contactId is null ? null : Row("Contact", contactId);
        if ((accountId is not null && account is null) || (contactId is not null && contact is null))
        {
            return Result(null, "INVALID_CROSS_REFERENCE_KEY", "invalid cross reference id");
        }

        if (contact is not null && (account is null || (string?)contact.GetValueOrDefault("AccountId") != accountId))
        {
            return Result(null, "INVALID_FIELD", "The contact must belong to the account the lead is converted into");
        }

        var owner = CaseSafeId.ToEighteen(Get("ownerId")) ?? lead.GetValueOrDefault("OwnerId") as string;
        accountId ??= Insert(
            "Account",
            new Dictionary<string, object?> { ["Name"] = lead["Company"], ["OwnerId"] = owner }
        );
        contactId ??= Insert("Contact", ContactFrom(lead, accountId, owner));
        if (contact is not null)
        {
            // Merging keeps what the contact holds and fills only its blank fields from the lead.
            foreach (var (field, value) in ContactFrom(lead, accountId, owner))
            {
                if (contact.GetValueOrDefault(field) is null or "")
                {
                    contact[field] = value;
                }
            }
        }

        string? opportunityId = null;
        if (!string.Equals(Get("doNotCreateOpportunity"), "true", StringComparison.OrdinalIgnoreCase))
        {
            opportunityId = Insert(
                "Opportunity",
                new Dictionary<string, object?>
                {
                    ["Name"] = Get("opportunityName") ?? lead["Company"],
                    ["AccountId"] = accountId,
                    ["OwnerId"] = owner,
                    ["StageName"] = "Prospecting",
                }
            );
        }

        lead["IsConverted"] = true;
        lead["Status"] = status;
        lead["ConvertedAccountId"] = accountId;
        lead["ConvertedContactId"] = contactId;
        lead["ConvertedOpportunityId"] = opportunityId;
        lead["ConvertedDate"] = Time.GetUtcNow().UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        return Result(((string)lead["Id"]!, accountId, contactId, opportunityId), null, null);
    }

    private static Dictionary<string, object?> ContactFrom(
        Dictionary<string, object?> lead,
        string accountId,
        string? owner
    ) =>
        new()
        {
            ["FirstName"] = lead.GetValueOrDefault("FirstName"),
            ["LastName"] = lead.GetValueOrDefault("LastName"),
            ["Email"] = lead.GetValueOrDefault("Email"),
            ["Title"] = lead.GetValueOrDefault("Title"),
            ["Phone"] = lead.GetValueOrDefault("Phone"),
            ["MailingCountryCode"] = lead.GetValueOrDefault("CountryCode"),
            ["AccountId"] = accountId,
            ["OwnerId"] = owner,
        };

    private static XElement Result(
        (string Lead, string Account, string Contact, string? Opportunity)? converted,
        string? code,
        string? message
    )
    {
        XNamespace xsi = "http://www.w3.org/2001/XMLSchema-instance";
        XElement Id(string name, string? value) =>
            value is null
                ? new XElement(Partner + name, new XAttribute(xsi + "nil", "true"))
                : new XElement(Partner + name, value);
        return new XElement(
            Partner + "result",
            new XAttribute(XNamespace.Xmlns + "xsi", xsi.NamespaceName),
            Id("accountId", converted?.Account),
            Id("contactId", converted?.Contact),
            code is null
                ? null
                : new XElement(
                    Partner + "errors",
                    new XElement(Partner + "message", message),
                    new XElement(Partner + "statusCode", code)
                ),
            Id("leadId", converted?.Lead),
            Id("opportunityId", converted?.Opportunity),
            new XElement(Partner + "success", converted is null ? "false" : "true")
        );
    }

    /// <summary>A SOAP fault as the partner API sends one: HTTP 500, faultcode sf:CODE.</summary>
    private static FakeResponse Fault(string code, string message) =>
        new(
            500,
            $"""<?xml version="1.0" encoding="UTF-8"?><soapenv:Envelope xmlns:soapenv="{SoapEnv}" """
                + """xmlns:sf="urn:fault.partner.soap.sforce.com"><soapenv:Body><soapenv:Fault>"""
                + $"<faultcode>{code}</faultcode><faultstring>{SecurityElement.Escape(message)}</faultstring>"
                + "</soapenv:Fault></soapenv:Body></soapenv:Envelope>",
            null,
            "text/xml; charset=utf-8"
        );

    private static XElement? Element(XElement root, string localName) =>
        root.Descendants().FirstOrDefault(e => e.Name.LocalName == localName);
}
