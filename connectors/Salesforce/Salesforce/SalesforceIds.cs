using IntegrationHub.Sdk.Errors;

namespace IntegrationHub.Connectors.Salesforce;

/// <summary>
/// Salesforce record ids are 15 case-sensitive letters and digits, or 18 whose last three are the case-safe suffix
/// of the first 15 (<see cref="CaseSafeId"/>); anything else is refused before it is put in a URL, a SOQL query or a
/// SOAP call, because Salesforce could not have issued it.
/// </summary>
internal static class SalesforceIds
{
    public static void Require(params (string Field, string Value)[] ids) =>
        VendorIds.Require(
            CaseSafeId.IsWellFormed,
            "must be a Salesforce record id: 15 letters and digits, or 18 ending in the case-safe suffix of the 15",
            ids
        );
}
