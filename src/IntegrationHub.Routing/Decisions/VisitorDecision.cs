using IntegrationHub.Routing.Facts;
using IntegrationHub.Routing.Rules;

namespace IntegrationHub.Routing.Decisions;

public enum TargetKind
{
    HumanRep,
    AiRep,
    MeetingOffer,
    MarketingQueue,
    Spam,
    NotRouted,
}

/// <summary>Who or what gets the visitor or lead.</summary>
public sealed record RoutingTarget(
    TargetKind Kind,
    string? RepId = null,
    string? RepName = null,
    string? Pool = null,
    string? Sequence = null
);

/// <summary>A rule as the explanation records it.</summary>
public sealed record RuleEvaluation(string Rule, RuleOutcome Outcome, string Reason, IReadOnlyList<Fact> Facts);

public sealed record FallbackStep(string Fallback, string Reason);

/// <summary>An alert the decision raises for a rep ("click_through", "pounce", "notify").</summary>
public sealed record Notification(string RecipientId, string Reason);

/// <summary>Everything needed to say why a decision came out as it did.</summary>
public sealed record Explanation(
    IReadOnlyList<RuleEvaluation> Rules,
    IReadOnlyList<SourceReport> Sources,
    IReadOnlyList<FallbackStep> Fallbacks,
    IReadOnlyList<Notification> Notifications
);

/// <summary>
/// A live-visitor decision. <see cref="RoutedRepId"/> is the human the rules chose (or the
/// round robin picked), kept even when the target is the AI rep or a meeting offer, since
/// the meeting is offered on that rep's calendar.
/// </summary>
public sealed record VisitorDecision(
    string Id,
    string RequestId,
    DateTimeOffset CreatedAt,
    RoutingTarget Target,
    string? MatchedRule,
    Explanation Explanation,
    bool Degraded,
    string Language,
    string Region,
    string? RoutedRepId,
    VisitorInputs? Inputs = null
)
{
    /// <summary>The policy version the decision was made under; 0 for decisions stored before versions.</summary>
    public long PolicyVersion { get; init; }
}
