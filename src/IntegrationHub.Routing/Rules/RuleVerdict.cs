namespace IntegrationHub.Routing.Rules;

public enum RuleOutcome
{
    /// <summary>The rule applied and named a target.</summary>
    Matched,

    /// <summary>The rule did not apply.</summary>
    NotMatched,

    /// <summary>An earlier rule matched, so this one was not tried.</summary>
    Skipped,

    /// <summary>A fact the rule needs is unknown because its source failed or was late.</summary>
    Undecided,
}

/// <summary>One fact a rule read, and where it came from.</summary>
public sealed record Fact(string Name, string Value, string Source);

/// <summary>A rule's outcome, its reason in words, and the facts it read.</summary>
public sealed record RuleVerdict(
    string Rule,
    RuleOutcome Outcome,
    string Reason,
    IReadOnlyList<Fact> Facts,
    TargetSpec? Target = null
);

/// <summary>Who a matched rule sends the visitor to, before availability is checked.</summary>
public abstract record TargetSpec;

/// <summary>A named rep; if unavailable, the fallback pool when the rule has one.</summary>
public sealed record RepTarget(string RepId, string? FallbackPool = null) : TargetSpec;

/// <summary>Whoever the pool's round robin picks among its available members.</summary>
public sealed record PoolTarget(string Pool) : TargetSpec;
