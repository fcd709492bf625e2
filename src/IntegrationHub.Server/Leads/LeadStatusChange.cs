using IntegrationHub.Sdk.Capabilities.Crm;
using IntegrationHub.Storage.Outbox;

namespace IntegrationHub.Server.Leads;

/// <summary>A lifecycle step written to the CRM: the lead's fields with its new status.</summary>
public sealed record LeadStatusChange(string ExternalId, LeadFields Lead)
{
    public const string Type = "crm.set_lead_status";
}

/// <summary>Writes a lifecycle status to the CRM lead (an upsert on its external id, so a redelivery is harmless).</summary>
public sealed class LeadStatusChangeHandler(ICrmConnector crm) : IOutboxEffectHandler
{
    public string EffectType => LeadStatusChange.Type;

    public Task DeliverAsync(OutboxEffect effect, CancellationToken cancellationToken)
    {
        var change = effect.Read<LeadStatusChange>();
        return VendorDelivery.RunAsync(() => crm.UpsertUnlessConvertedAsync(change.ExternalId, change.Lead, cancellationToken));
    }
}
