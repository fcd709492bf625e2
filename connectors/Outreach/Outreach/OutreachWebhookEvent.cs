using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using IntegrationHub.Sdk.Webhooks;

namespace IntegrationHub.Connectors.Outreach;

/// <summary>
/// The parts of an Outreach webhook event (<c>{"data":{"type","id","attributes","relationships",
/// "meta":{"eventName","deliveredAt"}}}</c>) the hub reads, and what they mean in its terms.
/// </summary>
internal sealed record OutreachWebhookEvent(
    string EventName,
    string ResourceId,
    int ReplyCount,
    string? SequenceStateId,
    bool OptedOut,
    string? DeliveredAt
)
{
    /// <summary>The event in a body, or null when it is not JSON or lacks data.type, data.id, meta.eventName.</summary>
    public static OutreachWebhookEvent? Parse(ReadOnlyMemory<byte> body)
    {
        try
        {
            var data = JsonNode.Parse(body.Span)?["data"];
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
            return new OutreachWebhookEvent(
                name,
                id,
                replies,
                state is null or "null" ? null : state,
                optedOut,
                data["meta"]?["deliveredAt"]?.GetValue<string>()
            );
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException or FormatException)
        {
            return null;
        }
    }

    /// <summary>The delivery in the hub's terms; an event the hub does not act on carries no events.</summary>
    public WebhookDelivery ToDelivery() => new(EventName, ResourceId, DeliveredAtTime, Event() is { } e ? [e] : []);

    /// <summary>When Outreach says it delivered the event, when the body says so in a form that parses.</summary>
    private DateTimeOffset? DeliveredAtTime =>
        DateTimeOffset.TryParse(DeliveredAt, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at)
            ? at
            : null;

    private VendorEvent? Event() =>
        this switch
        {
            { EventName: "sequenceState.created" } => new SequenceEnrolled(ResourceId),
            { EventName: "sequenceState.finished" } => new SequenceFinished(ResourceId, ReplyCount),
            { EventName: "sequenceState.updated" or "sequenceState.advanced", ReplyCount: > 0 } => new SequenceReplied(
                ResourceId
            ),
            { EventName: "mailing.replied", SequenceStateId: { } state } => new SequenceReplied(state),
            // Outreach sends no event id; the delivery time tells one opt-out report from another.
            { EventName: "prospect.updated", OptedOut: true } => new PersonOptedOut(
                ResourceId,
                DeliveredAt ?? ResourceId
            ),
            _ => null,
        };
}
