using IntegrationHub.Sdk.Errors;

namespace IntegrationHub.Connectors.Outreach;

/// <summary>
/// Outreach's resource ids are positive integers; anything else is refused before a request is built.
/// </summary>
internal static class OutreachIds
{
    public static void Require(params (string Field, string Value)[] ids) =>
        VendorIds.Require(
            id => VendorIds.IsNumber(id),
            "must be an Outreach id: a positive whole number such as 1234",
            ids
        );
}
