using IntegrationHub.Hub.Leads;
using IntegrationHub.Hub.Telemetry;
using IntegrationHub.Sdk.Webhooks;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Server.Webhooks;

/// <summary>
/// <c>POST /webhooks/{connector}</c>: a vendor's events, taken by the connector that speaks to it.
/// The body is bounded and read here, then verified and read by the connector's
/// <see cref="IWebhookReceiver"/>; an unproven (401), malformed (400) or oversized (413) delivery
/// is refused and logged and changes nothing. A verified one is refused when the vendor says it
/// was sent long ago, taken without effect when the same bytes came before, and otherwise moves
/// the lead lifecycle. Vendors such as Outreach retry only on network errors, so every verified
/// delivery gets a 2xx.
/// </summary>
public sealed partial class VendorWebhook(
    WebhookReceivers receivers,
    LeadLifecycleEvents events,
    WebhookDeliveries deliveries,
    IOptionsMonitor<WebhookOptions> options,
    TimeProvider time,
    ILogger<VendorWebhook> logger
)
{
    public const string Route = "/webhooks/{connector}";
    private const string StaleError = "the event's deliveredAt is too far from now to be a fresh delivery";

    public async Task<IResult> HandleAsync(string connector, HttpRequest request, CancellationToken cancellationToken)
    {
        var (receiver, name, missing) = receivers.Find(connector);
        if (receiver is null)
        {
            return Results.Problem(missing, statusCode: StatusCodes.Status404NotFound);
        }

        if (receiver.NotReadyReason is { } notReady)
        {
            LogRefused(logger, name, notReady);
            return Results.Problem(
                $"{name} webhooks are not configured on this hub.",
                statusCode: StatusCodes.Status503ServiceUnavailable
            );
        }

        var settings = options.CurrentValue;
        if (request.ContentLength > settings.MaxBodyBytes)
        {
            LogRefused(logger, name, $"body of {request.ContentLength} bytes is over the limit");
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        var body = await ReadAsync(request, settings.MaxBodyBytes, cancellationToken);
        if (body is null)
        {
            LogRefused(logger, name, "body is over the limit");
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        var headers = request.Headers.Select(h => KeyValuePair.Create(h.Key, h.Value.ToString()));
        var receipt = await receiver.ReceiveAsync(new WebhookRequest(headers, body), cancellationToken);
        if (receipt is not WebhookDelivery delivery)
        {
            var refusal = (WebhookRefusal)receipt;
            LogRefused(logger, name, refusal.Reason);
            return refusal.Kind == WebhookRefusalKind.Unauthenticated
                ? Results.Unauthorized()
                : Results.BadRequest(new { error = refusal.Reason });
        }

        return await TakeAsync(name, delivery, body, settings, cancellationToken);
    }

    /// <summary>A verified delivery: refused when stale, without effect when replayed, applied otherwise.</summary>
    private async Task<IResult> TakeAsync(
        string name,
        WebhookDelivery delivery,
        byte[] body,
        WebhookOptions settings,
        CancellationToken cancellation
    )
    {
        // Remembered deliveries and metrics are keyed by the lower-case name, as when Outreach's was the only webhook.
        var key = name.ToLowerInvariant();
        if (delivery.SentAt is { } at && (time.GetUtcNow() - at).Duration() > settings.MaxEventAge)
        {
            LogRefused(
                logger,
                name,
                $"delivered at {at:O}, further than Webhooks:MaxEventAge ({settings.MaxEventAge}) from now"
            );
            HubMetrics.WebhookTakenWithoutEffect(key, "stale");
            return Results.BadRequest(new { error = StaleError });
        }

        if (await deliveries.SeenAsync(key, body, cancellation))
        {
            LogReplay(logger, name, delivery.Name, delivery.Subject);
            HubMetrics.WebhookTakenWithoutEffect(key, "replay");
            return Results.Ok(new { applied = false, replay = true });
        }

        var applied = await events.ApplyAsync(delivery.Events, cancellation);
        await deliveries.RememberAsync(key, body, settings.MaxEventAge * 2, cancellation);
        LogReceived(logger, name, delivery.Name, delivery.Subject, applied);
        return Results.Ok(new { applied });
    }

    private static async Task<byte[]?> ReadAsync(HttpRequest request, int limit, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > limit)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Connector} webhook refused: {Reason}")]
    private static partial void LogRefused(ILogger logger, string connector, string reason);

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "{Connector} webhook {EventName} for {ResourceId} replayed: taken without effect"
    )]
    private static partial void LogReplay(ILogger logger, string connector, string eventName, string resourceId);

    [LoggerMessage(
        Level = LogLevel.Information,
        Message = "{Connector} webhook {EventName} for {ResourceId}: applied {Applied}"
    )]
    private static partial void LogReceived(
        ILogger logger,
        string connector,
        string eventName,
        string resourceId,
        bool applied
    );
}
