using IntegrationHub.Sdk.Capabilities.Crm;
using IntegrationHub.Storage.Outbox;

namespace IntegrationHub.Hub.Leads;

/// <summary>A lifecycle step written to the CRM: the lead's fields with its new status.</summary>
public sealed record LeadStatusChange(string ExternalId, LeadFields Lead)
{
    public const string Type = "crm.set_lead_status";
}

/// <summary>
/// Writes a lifecycle status to the CRM lead. It reads the lead first and writes back what the
/// CRM holds with only the status changed, so a rep's edits since the decision are kept; the
/// write is an upsert on the external id, so a redelivery is harmless.
/// </summary>
public sealed class LeadStatusChangeHandler(ICrmConnector crm) : IOutboxEffectHandler
{
    public string EffectType => LeadStatusChange.Type;

    public Task DeliverAsync(OutboxEffect effect, CancellationToken cancellationToken)
    {
        var change = effect.Read<LeadStatusChange>();
        return VendorDelivery.RunAsync(async () =>
        {
            var people = await crm.FindPeopleAsync(
                new PeopleQuery(Email: change.Lead.Email, Kind: PersonKind.Lead),
                cancellationToken
            );
            var current = people.FirstOrDefault(p => p.ExternalId == change.ExternalId) ?? people.FirstOrDefault();
            if (current?.Status == LeadStatus.Converted)
            {
                return;
            }

            var lead = current is null
                ? change.Lead
                : change.Lead with
                {
                    FirstName = current.FirstName,
                    LastName = current.LastName.Length > 0 ? current.LastName : change.Lead.LastName,
                    Company = current.Company.Length > 0 ? current.Company : change.Lead.Company,
                    Title = current.Title,
                    Phone = current.Phone,
                    CountryCode = current.CountryCode,
                    OwnerUserId = current.OwnerUserId ?? change.Lead.OwnerUserId,
                    LeadScore = current.LeadScore,
                    MqlAt = current.MqlAt ?? change.Lead.MqlAt,
                };
            await crm.UpsertUnlessConvertedAsync(change.ExternalId, lead, cancellationToken);
        });
    }
}
