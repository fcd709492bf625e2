using IntegrationHub.Routing.Leads;
using IntegrationHub.Sdk.Capabilities.Crm;
using IntegrationHub.Storage.Outbox;

namespace IntegrationHub.Hub.Leads;

/// <summary>
/// Creates or updates the lead in the CRM, owner included, keyed by its external id so a redelivery updates the same
/// lead.
/// </summary>
public sealed class UpsertLeadEffectHandler(ICrmConnector crm) : IOutboxEffectHandler
{
    public string EffectType => EffectTypes.UpsertLead;

    public Task DeliverAsync(OutboxEffect effect, CancellationToken cancellationToken)
    {
        var upsert = effect.Read<UpsertLeadEffect>();
        return VendorDelivery.RunAsync(() =>
            crm.UpsertUnlessConvertedAsync(upsert.ExternalId, upsert.Lead, cancellationToken)
        );
    }
}
