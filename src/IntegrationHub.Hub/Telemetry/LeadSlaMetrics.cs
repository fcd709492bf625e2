using System.Diagnostics.Metrics;

namespace IntegrationHub.Hub.Telemetry;

/// <summary>
/// How lead SLAs end (meter "IntegrationHub", counter <c>hub.leads.sla</c>, tag <c>outcome</c>): reassigned, kept
/// (the owner took the lead), cancelled (a signal said so before the deadline), deferred (the CRM could not be asked;
/// checked again later), abandoned (the CRM could not be asked for too long).
/// </summary>
public static class LeadSlaMetrics
{
    private static readonly Meter Meter = new(HubMetrics.Name);

    private static readonly Counter<long> Outcomes = Meter.CreateCounter<long>(
        "hub.leads.sla",
        description: "Lead SLA checks by outcome (reassigned, kept, cancelled, deferred, abandoned)"
    );

    public static void Ended(string outcome) => Outcomes.Add(1, new KeyValuePair<string, object?>("outcome", outcome));
}
