using IntegrationHub.Routing.Leads;
using IntegrationHub.Sdk.Capabilities.Crm;
using IntegrationHub.Storage.Outbox;

namespace IntegrationHub.Hub.Leads;

/// <summary>
/// Converts the lead into a contact on the customer's account. It upserts the lead first, so it
/// does not depend on the decision's upsert having been delivered; a lead already converted is done.
/// </summary>
public sealed class ConvertLeadEffectHandler(ICrmConnector crm) : IOutboxEffectHandler
{
    public string EffectType => EffectTypes.ConvertLead;

    public Task DeliverAsync(OutboxEffect effect, CancellationToken cancellationToken)
    {
        var convert = effect.Read<ConvertLeadEffect>();
        return VendorDelivery.RunAsync(async () =>
        {
            if (await crm.UpsertUnlessConvertedAsync(convert.ExternalId, convert.Lead, cancellationToken) is { } lead)
            {
                await crm.ConvertLeadAsync(lead.Id, convert.AccountId, cancellationToken);
            }
        });
    }
}
