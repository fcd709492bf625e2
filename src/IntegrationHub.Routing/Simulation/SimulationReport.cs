namespace IntegrationHub.Routing.Simulation;

/// <summary>
/// What a candidate policy would change over a window of stored decisions. Both policies are
/// replayed from the same stored inputs with round robins of their own, so a move is the
/// policy's doing, not a different starting cursor; <see cref="Reproduced"/> says how many
/// replays under the running policy came out as recorded.
/// </summary>
public sealed record SimulationReport(
    int Decisions,
    int Replayed,
    int NotReplayable,
    int Reproduced,
    int Moved,
    IReadOnlyList<Move> ByRule,
    IReadOnlyList<Move> ByTarget,
    IReadOnlyList<RepLoad> Load,
    IReadOnlyList<MovedDecision> Examples
);

/// <summary>How many decisions went from one rule (or target) to another.</summary>
public sealed record Move(string From, string To, int Count);

/// <summary>How many visitors and leads a rep (or the AI rep) gets under each policy.</summary>
public sealed record RepLoad(string RepId, string Name, int Before, int After);

/// <summary>One decision that would come out differently.</summary>
public sealed record MovedDecision(
    string DecisionId,
    string Kind,
    DateTimeOffset CreatedAt,
    string RuleBefore,
    string TargetBefore,
    string RuleAfter,
    string TargetAfter
);
