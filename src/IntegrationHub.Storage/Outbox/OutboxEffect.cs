namespace IntegrationHub.Storage.Outbox;

/// <summary>A side effect to deliver, as a decision plans it.</summary>
public sealed record NewEffect(string Type, string IdempotencyKey, string Payload);

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
    DateTimeOffset? DeliveredAt
);
