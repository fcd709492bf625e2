namespace IntegrationHub.Routing.Leads;

/// <summary>
/// What the SLA timer of a lead decision carries: the decision, the lead, the SLA, and the checks that could not be
/// made yet because the CRM could not be asked (each "when: why").
/// </summary>
public sealed record LeadSlaDue(
    string DecisionId,
    string RequestId,
    DateTimeOffset DecidedAt,
    string LeadKey,
    string Email,
    LeadSla Sla
)
{
    public IReadOnlyList<string> Deferred { get; init; } = [];

    /// <summary>The reassignment's request id: one per decision, so it is made once however often it fires.</summary>
    public string ReassignmentRequestId => RequestId + "/sla";
}
