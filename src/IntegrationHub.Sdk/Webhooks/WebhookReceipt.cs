namespace IntegrationHub.Sdk.Webhooks;

/// <summary>What a <see cref="IWebhookReceiver"/> made of one request: a verified delivery or a refusal.</summary>
public abstract record WebhookReceipt
{
    /// <summary>The vendor's proof is missing or wrong; the hub answers 401.</summary>
    public static WebhookReceipt Unauthenticated(string reason) =>
        new WebhookRefusal(WebhookRefusalKind.Unauthenticated, reason);

    /// <summary>Proven, but not a delivery the connector can read (not JSON, parts missing): 400.</summary>
    public static WebhookReceipt Malformed(string reason) => new WebhookRefusal(WebhookRefusalKind.Malformed, reason);
}

/// <summary>
/// A verified delivery. <paramref name="Name"/> and <paramref name="Subject"/> (the vendor's event name
/// and the id it is about) are for the hub's logs; <paramref name="SentAt"/>, when the vendor says,
/// lets the hub refuse a body delivered long ago. <paramref name="Events"/> is empty when the delivery
/// reports nothing the hub acts on.
/// </summary>
public sealed record WebhookDelivery(
    string Name,
    string Subject,
    DateTimeOffset? SentAt,
    IReadOnlyList<VendorEvent> Events
) : WebhookReceipt;

/// <summary>A refused request, with a reason for the hub's log (and, when malformed, for the sender).</summary>
public sealed record WebhookRefusal(WebhookRefusalKind Kind, string Reason) : WebhookReceipt;

/// <summary>Why a webhook request was refused.</summary>
public enum WebhookRefusalKind
{
    /// <summary>The vendor's proof is missing or wrong.</summary>
    Unauthenticated,

    /// <summary>Proven, but not a delivery the connector can read.</summary>
    Malformed,
}
