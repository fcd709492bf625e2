using IntegrationHub.Sdk.Capabilities.Crm;
using IntegrationHub.Sdk.Errors;

namespace IntegrationHub.Hub.Leads;

/// <summary>Lead writes shared by the CRM effects.</summary>
internal static class CrmLeadWrites
{
    /// <summary>
    /// Upserts the lead on its external id; null when the CRM says it is converted already.
    /// Effects of one decision are delivered independently, so a conversion may land before
    /// an update of the same lead: the converted contact is then the newer truth.
    /// </summary>
    public static async Task<Person?> UpsertUnlessConvertedAsync(
        this ICrmConnector crm,
        string externalId,
        LeadFields lead,
        CancellationToken cancellationToken
    )
    {
        try
        {
            return (await crm.UpsertLeadAsync(externalId, lead, cancellationToken)).Lead;
        }
        catch (ConnectorException e) when (e.Kind == ConnectorErrorKind.FailedPrecondition)
        {
            return null;
        }
    }
}
