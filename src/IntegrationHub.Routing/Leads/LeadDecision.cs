using IntegrationHub.Routing.Decisions;

namespace IntegrationHub.Routing.Leads;

/// <summary>An inbound-lead decision, its explanation, and the side effects it causes.</summary>
public sealed record LeadDecision(
    string Id,
    string RequestId,
    DateTimeOffset CreatedAt,
    RoutingTarget Target,
    string? MatchedRule,
    Explanation Explanation,
    bool Degraded,
    SpamVerdict Spam,
    string LeadKey,
    IReadOnlyList<PlannedEffect> Effects,
    LeadInputs? Inputs = null
)
{
    /// <summary>The policy version the decision was made under; 0 for decisions stored before versions.</summary>
    public long PolicyVersion { get; init; }

    /// <summary>The SLA the owner has to accept the lead in; null when the policy sets none here.</summary>
    public LeadSla? Sla { get; init; }
}
