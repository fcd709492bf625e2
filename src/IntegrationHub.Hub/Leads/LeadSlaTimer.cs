using IntegrationHub.Hub.Decisions;
using IntegrationHub.Routing.Leads;
using IntegrationHub.Storage.Scheduling;

namespace IntegrationHub.Hub.Leads;

/// <summary>
/// The durable timer of a lead's SLA, written in the same transaction as the decision that arms it. One per lead
/// (keyed by its CRM external id), so the lifecycle's signals, which know the lead and not the decision, cancel it.
/// </summary>
public static class LeadSlaTimer
{
    public const string Kind = "lead_sla";

    /// <summary>The stored kind of a reassignment decision, so its request id never meets a routed lead's.</summary>
    public const string DecisionKind = "lead_sla";

    public static string Key(string leadKey) => "lead-sla/" + leadKey;

    /// <summary>The timer a decision arms; null when it has no SLA.</summary>
    public static ScheduledWork? For(LeadDecision decision) =>
        decision is { Sla: { } sla, Inputs.Lead.Email: { } email }
            ? new ScheduledWork(
                Key(decision.LeadKey),
                Kind,
                DecisionJson.Serialize(
                    new LeadSlaDue(decision.Id, decision.RequestId, decision.CreatedAt, decision.LeadKey, email, sla)
                ),
                sla.DueAt
            )
            : null;
}
