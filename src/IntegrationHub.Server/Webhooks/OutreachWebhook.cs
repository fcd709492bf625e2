using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using IntegrationHub.Hub.Leads;
using IntegrationHub.Hub.Telemetry;
using IntegrationHub.Server.Composition;
using IntegrationHub.Server.RoutingApi;

namespace IntegrationHub.Server.Webhooks;

/// <summary>
/// <c>POST /webhooks/outreach</c>: Outreach's signed events move the lead lifecycle. The body is
/// verified against <c>Outreach-Webhook-Signature</c> (hex HMAC-SHA256 of the raw body) before
/// it is read; an unsigned, mis-signed or malformed event is refused and logged, and changes
/// nothing. Outreach retries only on network errors, so every verified event gets a 2xx.
/// </summary>
public sealed partial class OutreachWebhook(
    LeadLifecycle lifecycle, WebhookDeliveries deliveries, IOptionsMonitor<WebhookOptions> options, TimeProvider time, ILogger<OutreachWebhook> logger)
{
    public const string Path = "/webhooks/outreach";
    private const string Connector = "outreach";
    public const string SignatureHeader = "Outreach-Webhook-Signature";

    public async Task<IResult> HandleAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var settings = options.CurrentValue;
        if (settings.OutreachSecret.Length == 0)
        {
            LogRefused(logger, "no webhook secret is configured (Webhooks:OutreachSecret)");
            return Results.Problem("Outreach webhooks are not configured on this hub.", statusCode: StatusCodes.Status503ServiceUnavailable);
        }

        if (request.ContentLength > settings.MaxBodyBytes)
        {
            LogRefused(logger, $"body of {request.ContentLength} bytes is over the limit");
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        var body = await ReadAsync(request, settings.MaxBodyBytes, cancellationToken);
        if (body is null)
        {
            LogRefused(logger, "body is over the limit");
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        if (!SignatureMatches(body, request.Headers[SignatureHeader].ToString(), settings.OutreachSecret))
        {
            LogRefused(logger, "missing or wrong signature");
            return Results.Unauthorized();
        }

        if (OutreachEvent.Parse(body) is not { } e)
        {
            LogRefused(logger, "not an Outreach event (data.type, data.id and meta.eventName are required)");
            return Results.BadRequest(new { error = "not an Outreach webhook event" });
        }

        if (e.DeliveredAtTime is { } at && (time.GetUtcNow() - at).Duration() > settings.MaxEventAge)
        {
            LogRefused(logger, $"delivered at {at:O}, further than Webhooks:MaxEventAge ({settings.MaxEventAge}) from now");
            HubMetrics.WebhookTakenWithoutEffect(Connector, "stale");
            return Results.BadRequest(new { error = "the event's deliveredAt is too far from now to be a fresh delivery" });
        }

        if (await deliveries.SeenAsync(Connector, body, cancellationToken))
        {
            LogReplay(logger, e.EventName, e.ResourceId);
            HubMetrics.WebhookTakenWithoutEffect(Connector, "replay");
            return Results.Ok(new { applied = false, replay = true });
        }

        var applied = await ApplyAsync(e, cancellationToken);
        await deliveries.RememberAsync(Connector, body, settings.MaxEventAge * 2, cancellationToken);
        LogReceived(logger, e.EventName, e.ResourceId, applied);
        return Results.Ok(new { applied });
    }

    /// <summary>HMAC-SHA256 of the raw body with the shared secret, compared in constant time.</summary>
    public static bool SignatureMatches(byte[] body, string signature, string secret)
    {
        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body);
        var given = signature.Trim();
        if (given.StartsWith("sha256=", StringComparison.OrdinalIgnoreCase))
        {
            given = given[7..];
        }

        try
        {
            return given.Length == expected.Length * 2 && CryptographicOperations.FixedTimeEquals(Convert.FromHexString(given), expected);
        }
        catch (FormatException)
        {
            return false;
        }
    }

    private async Task<bool> ApplyAsync(OutreachEvent e, CancellationToken cancellationToken) => e switch
    {
        { EventName: "sequenceState.created" } => await lifecycle.EnrolledAsync(e.ResourceId, cancellationToken),
        { EventName: "sequenceState.finished" } => await lifecycle.FinishedAsync(e.ResourceId, e.ReplyCount, cancellationToken),
        { EventName: "sequenceState.updated" or "sequenceState.advanced", ReplyCount: > 0 } => await lifecycle.RepliedAsync(e.ResourceId, cancellationToken),
        { EventName: "mailing.replied", SequenceStateId: { } state } => await lifecycle.RepliedAsync(state, cancellationToken),
        { EventName: "prospect.updated", OptedOut: true } => await InactiveAsync(e, cancellationToken),
        _ => false,
    };

    private async Task<bool> InactiveAsync(OutreachEvent e, CancellationToken cancellationToken)
    {
        await lifecycle.InactiveAsync(e.ResourceId, e.DeliveredAt ?? e.ResourceId, cancellationToken);
        return true;
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outreach webhook refused: {Reason}")]
    private static partial void LogRefused(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outreach webhook {EventName} for {ResourceId} replayed: taken without effect")]
    private static partial void LogReplay(ILogger logger, string eventName, string resourceId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Outreach webhook {EventName} for {ResourceId}: applied {Applied}")]
    private static partial void LogReceived(ILogger logger, string eventName, string resourceId, bool applied);
}

/// <summary>The parts of an Outreach webhook event the lifecycle reads.</summary>
internal sealed record OutreachEvent(
    string EventName, string ResourceType, string ResourceId, int ReplyCount, string? SequenceStateId, bool OptedOut, string? DeliveredAt)
{
    /// <summary>When Outreach says it delivered the event, when the body says so in a form that parses.</summary>
    public DateTimeOffset? DeliveredAtTime =>
        DateTimeOffset.TryParse(DeliveredAt, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) ? at : null;

    public static OutreachEvent? Parse(byte[] body)
    {
        try
        {
            var data = JsonNode.Parse(body)?["data"];
            var type = data?["type"]?.GetValue<string>();
            var id = data?["id"]?.ToJsonString().Trim('"');
            var name = data?["meta"]?["eventName"]?.GetValue<string>();
            if (type is not { Length: > 0 } || id is not { Length: > 0 } || name is not { Length: > 0 } || id == "null")
            {
                return null;
            }

            var attributes = data!["attributes"];
            var replies = attributes?["replyCount"] is JsonValue count && count.TryGetValue<int>(out var n) ? n : 0;
            var state = data["relationships"]?["sequenceState"]?["data"]?["id"]?.ToJsonString().Trim('"');
            var optedOut = attributes?["optedOut"] is JsonValue opted && opted.TryGetValue<bool>(out var o) && o;
            return new OutreachEvent(name, type, id, replies, state is null or "null" ? null : state, optedOut, data["meta"]?["deliveredAt"]?.GetValue<string>());
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }
}
