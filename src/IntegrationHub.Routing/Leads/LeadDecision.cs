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
}
