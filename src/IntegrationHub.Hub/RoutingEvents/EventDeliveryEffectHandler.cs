using System.Net;
using System.Text.Json;
using IntegrationHub.Storage.Outbox;
using IntegrationHub.Storage.RoutingEvents;

namespace IntegrationHub.Hub.RoutingEvents;

/// <summary>
/// Delivers one routing event to one subscription from the outbox. A 2xx answer delivers it; a timeout, a broken
/// connection, a 5xx, 408 or 429 is tried again with the outbox's back-off until its last attempt, then
/// dead-lettered; any other answer (a 4xx: the receiver refuses this request, a repeat cannot help) is dead-lettered
/// at once. An event for a subscription deleted meanwhile has nowhere to go and is dropped.
/// </summary>
public sealed partial class EventDeliveryEffectHandler(
    EventSubscriptionStore subscriptions,
    RoutingEventSender sender,
    ILogger<EventDeliveryEffectHandler> logger
) : IOutboxEffectHandler
{
    public string EffectType => RoutingEventOutbox.EffectType;

    public async Task DeliverAsync(OutboxEffect effect, CancellationToken cancellationToken)
    {
        using var payload = JsonDocument.Parse(effect.Payload);
        var subscriptionId = payload.RootElement.GetProperty("subscriptionId").GetString()!;
        var cloudEvent = payload.RootElement.GetProperty("event");
        var eventId = cloudEvent.GetProperty("id").GetString()!;
        var subscription = await subscriptions.GetAsync(subscriptionId, cancellationToken);
        if (subscription is null)
        {
            LogSubscriptionGone(logger, eventId, subscriptionId);
            return;
        }

        var status = await sender.SendAsync(subscription, eventId, cloudEvent.GetRawText(), cancellationToken);
        var code = (int)status;
        if (code is >= 200 and < 300)
        {
            return;
        }

        var message = $"the receiver answered {code} {status}";
        throw code >= 500 || status is HttpStatusCode.RequestTimeout or HttpStatusCode.TooManyRequests
            ? new HttpRequestException(message, null, status)
            : new PermanentDeliveryFailure(message);
    }

    [LoggerMessage(
        Level = LogLevel.Information,
        Message = "Event {EventId} dropped: subscription {SubscriptionId} was deleted"
    )]
    private static partial void LogSubscriptionGone(ILogger logger, string eventId, string subscriptionId);
}
