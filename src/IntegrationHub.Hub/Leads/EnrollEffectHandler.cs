using IntegrationHub.Routing.Leads;
using IntegrationHub.Sdk.Capabilities.Sequencing;
using IntegrationHub.Storage.Outbox;

namespace IntegrationHub.Hub.Leads;

/// <summary>
/// Enrols the lead in the chosen sequence from its owner's mailbox (the sequencer finds an
/// existing enrolment on a redelivery), then starts its lifecycle: enrolled → Accepted.
/// </summary>
public sealed class EnrollEffectHandler(ISequencingConnector sequencing, LeadLifecycle lifecycle) : IOutboxEffectHandler
{
    public string EffectType => EffectTypes.Enroll;

    public async Task DeliverAsync(OutboxEffect effect, CancellationToken cancellationToken)
    {
        var enroll = effect.Read<EnrollEffect>();
        var lead = enroll.Lead;
        Enrollment? enrollment = null;
        await VendorDelivery.RunAsync(async () =>
            enrollment = await sequencing.EnrollPersonAsync(
                new PersonEnrollment(
                    lead.Email,
                    lead.FirstName,
                    lead.LastName,
                    lead.Title,
                    lead.Company,
                    enroll.SequenceId,
                    enroll.OwnerEmail,
                    enroll.IdempotencyKey
                ),
                cancellationToken
            )
        );
        await lifecycle.EnrolledAsync(enrollment!.SequenceState.Id, enroll.ExternalId, lead, cancellationToken);
    }
}
