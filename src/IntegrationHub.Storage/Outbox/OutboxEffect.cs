namespace IntegrationHub.Storage.Outbox;

/// <summary>A side effect to deliver, as a decision plans it.</summary>
public sealed record NewEffect(
    string Type,
    string IdempotencyKey,
    string Payload,
    EffectPriority Priority = EffectPriority.Normal
);

/// <summary>
/// Which due effects a dispatcher takes first when it cannot take them all at once (a burst of leads): what a caller
/// is waiting on comes before what can follow a moment later. Within a priority, the oldest due first.
/// </summary>
public enum EffectPriority
{
    /// <summary>Speed-to-lead: a lead's owner written to the CRM, a rep's alert while the visitor is here.</summary>
    Urgent = 0,

    /// <summary>Everything else: enrolments, status changes, notifications, meetings.</summary>
    Normal = 1,
}

public enum EffectState
{
    Pending,
    Delivered,
    Dead,
}

/// <summary>A side effect in the outbox.</summary>
public sealed record OutboxEffect(
    string Id,
    string? DecisionId,
    string Type,
    string IdempotencyKey,
    string Payload,
    EffectState State,
    int Attempts,
    DateTimeOffset NextAttemptAt,
    string? LastError,
    DateTimeOffset CreatedAt,
    DateTimeOffset? DeliveredAt,
    EffectPriority Priority = EffectPriority.Normal
);
