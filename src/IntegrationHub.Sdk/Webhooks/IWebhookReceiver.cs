namespace IntegrationHub.Sdk.Webhooks;

/// <summary>
/// Optional for a connector class: it takes its vendor's webhooks. The hub serves
/// <c>POST /webhooks/{connector}</c> (the connector's name, any case) without a hub credential,
/// bounds and reads the body, and hands the raw bytes here: only the vendor's own proof (a
/// signature over the body) says who sent a delivery, and only the connector knows its vendor's
/// proof and event shapes. What the events do, and refusing stale or replayed deliveries, stay
/// with the hub.
/// </summary>
public interface IWebhookReceiver
{
    /// <summary>
    /// Why no delivery can be verified (no signing secret is configured), or null when the
    /// receiver is ready. While it is not, the hub answers 503 without reading bodies.
    /// </summary>
    string? NotReadyReason { get; }

    /// <summary>
    /// Verifies one delivery and reads its events. Refuse with <see cref="WebhookReceipt.Unauthenticated"/>
    /// before looking at the body's content; an event type the connector does not know is a verified
    /// delivery with no events, not a refusal (vendors add events, and a refusal would be retried).
    /// </summary>
    ValueTask<WebhookReceipt> ReceiveAsync(WebhookRequest request, CancellationToken cancellationToken);
}
