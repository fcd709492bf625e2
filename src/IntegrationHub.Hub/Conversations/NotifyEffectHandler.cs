using IntegrationHub.Hub.Decisions;
using IntegrationHub.Storage.Events;
using IntegrationHub.Storage.Outbox;

namespace IntegrationHub.Hub.Conversations;

/// <summary>
/// Delivers a decision's notifications to the reps' alert streams, through the outbox so none is lost.
/// </summary>
public sealed class NotifyEffectHandler(IHubEventBus events) : IOutboxEffectHandler
{
    public const string Type = "hub.notify";

    public string EffectType => Type;

    public Task DeliverAsync(OutboxEffect effect, CancellationToken cancellationToken)
    {
        var alert = RepAlert.FromJson(effect.Payload) with { AlertId = effect.Id };
        return events.PublishAsync(RepAlert.Channel(alert.RepId), alert.ToJson(), cancellationToken);
    }
}
