namespace IntegrationHub.Storage.Outbox;

/// <summary>
/// Delivers one type of side effect to its vendor. It must be safe to repeat with the same
/// <see cref="OutboxEffect.IdempotencyKey"/>: delivery is at least once, so the vendor must see
/// the same key (or external id) on a retry. Throwing means "try again later".
/// </summary>
public interface IOutboxEffectHandler
{
    string EffectType { get; }

    Task DeliverAsync(OutboxEffect effect, CancellationToken cancellationToken);
}

/// <summary>
/// Thrown by a handler when retrying cannot help (the vendor refused the effect for good): straight to the dead-letter
/// list.
/// </summary>
public sealed class PermanentDeliveryFailure(string message, Exception? inner = null) : Exception(message, inner);
