using IntegrationHub.Sdk.Webhooks;

namespace IntegrationHub.Connectors.Outreach;

/// <summary>
/// Outreach's webhooks (<c>POST /webhooks/outreach</c> on the hub; events <c>sequenceState.*</c>,
/// <c>mailing.replied</c>, <c>prospect.updated</c>): the body is verified against
/// <see cref="OutreachWebhookSignature.Header"/> before it is read.
/// </summary>
public sealed partial class OutreachConnector : IWebhookReceiver
{
    public string? NotReadyReason =>
        WebhookSecret.Length == 0 ? "no webhook secret is configured (Connectors:Outreach:WebhookSecret)" : null;

    private string WebhookSecret => options.CurrentValue.WebhookSecret ?? "";

    public ValueTask<WebhookReceipt> ReceiveAsync(WebhookRequest request, CancellationToken cancellationToken)
    {
        var secret = WebhookSecret;
        var signature = request.Header(OutreachWebhookSignature.Header);
        if (secret.Length == 0 || !OutreachWebhookSignature.Matches(request.Body.Span, signature, secret))
        {
            return ValueTask.FromResult(WebhookReceipt.Unauthenticated("missing or wrong signature"));
        }

        return ValueTask.FromResult(
            OutreachWebhookEvent.Parse(request.Body) is { } e
                ? e.ToDelivery()
                : WebhookReceipt.Malformed("not an Outreach event (data.type, data.id and meta.eventName are required)")
        );
    }
}
