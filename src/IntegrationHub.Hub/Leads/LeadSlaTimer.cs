using IntegrationHub.Hub.Decisions;
using IntegrationHub.Routing.Leads;
using IntegrationHub.Storage.Scheduling;

namespace IntegrationHub.Hub.Leads;

/// <summary>
/// The durable timer of a lead's SLA, written in the same transaction as the decision that arms it. Keyed by the lead
/// (its CRM external id) and then the decision: the lifecycle's signals know the lead, not the decision, and cancel
/// every SLA of it; a later form from the same person arms its own.
/// </summary>
public static class LeadSlaTimer
{
    public const string Kind = "lead_sla";

    /// <summary>The stored kind of a reassignment decision, so its request id never meets a routed lead's.</summary>
    public const string DecisionKind = "lead_sla";

    /// <summary>The start of every SLA timer key of one lead.</summary>
    public static string KeysOf(string leadKey) => $"lead-sla/{leadKey}/";

    /// <summary>The timer a decision arms; null when it has no SLA.</summary>
    public static ScheduledWork? For(LeadDecision decision) =>
        decision is { Sla: { } sla, Inputs.Lead.Email: { } email }
            ? new ScheduledWork(
                KeysOf(decision.LeadKey) + decision.Id,
                Kind,
                DecisionJson.Serialize(
                    new LeadSlaDue(decision.Id, decision.RequestId, decision.CreatedAt, decision.LeadKey, email, sla)
                ),
                sla.DueAt
            )
            : null;
}
