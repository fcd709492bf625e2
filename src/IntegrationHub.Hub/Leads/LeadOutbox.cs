using System.Text.Json;
using IntegrationHub.Hub.Conversations;
using IntegrationHub.Hub.Decisions;
using IntegrationHub.Routing.Leads;
using IntegrationHub.Storage.Outbox;

namespace IntegrationHub.Hub.Leads;

/// <summary>A lead decision's planned side effects as outbox rows, and back.</summary>
public static class LeadOutbox
{
    public static IReadOnlyList<NewEffect> ToOutbox(this LeadDecision decision, DateTimeOffset now) =>
        [
            .. decision.Effects.Select(effect =>
                effect switch
                {
                    // Notifications reach the alert streams through the same handler as visitor alerts.
                    NotifyEffect notify => new NewEffect(
                        NotifyEffectHandler.Type,
                        notify.IdempotencyKey,
                        new RepAlert(
                            "",
                            notify.RecipientId,
                            AlertKind.Notification,
                            decision.Id,
                            null,
                            notify.Message,
                            now
                        ).ToJson()
                    ),
                    // The lead's owner in the CRM is what speed-to-lead is measured on: it goes before the
                    // enrolment and status changes of a burst.
                    _ => new NewEffect(
                        effect.Type,
                        effect.IdempotencyKey,
                        JsonSerializer.Serialize(effect, effect.GetType(), DecisionJson.Json),
                        effect is UpsertLeadEffect ? EffectPriority.Urgent : EffectPriority.Normal
                    ),
                }
            ),
        ];

    public static T Read<T>(this OutboxEffect effect) =>
        JsonSerializer.Deserialize<T>(effect.Payload, DecisionJson.Json)
        ?? throw new PermanentDeliveryFailure($"effect {effect.Id} has an empty payload");
}
