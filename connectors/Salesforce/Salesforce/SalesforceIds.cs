using IntegrationHub.Sdk.Errors;

namespace IntegrationHub.Connectors.Salesforce;

/// <summary>
/// Salesforce record ids are letters and digits (15 case-sensitive characters, or 18 with the
/// case-safe suffix); anything else is refused before it is put in a URL or a SOQL query. The
/// length is not enforced yet: the CRM fake's demo world still uses shorter ids.
/// </summary>
internal static class SalesforceIds
{
    public static void Require(params (string Field, string Value)[] ids) =>
        VendorIds.Require(
            id => id.Length is > 0 and <= 18 && id.All(char.IsAsciiLetterOrDigit),
            "must be a Salesforce record id: letters and digits only, at most 18",
            ids
        );
}
