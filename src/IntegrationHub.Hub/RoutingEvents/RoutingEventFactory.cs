using System.Text.Json;
using System.Text.Json.Nodes;
using IntegrationHub.Hub.Conversations;
using IntegrationHub.Hub.Decisions;
using IntegrationHub.Routing.Decisions;
using IntegrationHub.Routing.Leads;
using IntegrationHub.Storage.RoutingEvents;

namespace IntegrationHub.Hub.RoutingEvents;

/// <summary>
/// The single place routing events are made: each as a CloudEvents 1.0 JSON object (structured mode), with its id,
/// the configured source, its type, the subject it is about, the hub's time and its data. Where they go (one outbox
/// row per subscription that wants the type) is decided in the transaction that writes them
/// (<see cref="EnqueueAsync"/>, or the decision's own write).
/// </summary>
public sealed class RoutingEventFactory(IOptions<RoutingEventsOptions> options, TimeProvider time)
{
    public RoutingEvent DecisionMade(VisitorDecision d, string? conversationId) =>
        Make(RoutingEventTypes.DecisionMade, d.Id, d.Id, () =>
            RoutingEventData
                .Decision(d.Id, "Visitor", d.RequestId, d.CreatedAt, d.Target, d.MatchedRule, conversationId)
                .With(d.Degraded, d.PolicyVersion)
        );

    public RoutingEvent DecisionMade(LeadDecision d) =>
        Make(RoutingEventTypes.DecisionMade, d.Id, d.Id, () =>
            RoutingEventData
                .Decision(d.Id, "Lead", d.RequestId, d.CreatedAt, d.Target, d.MatchedRule, null)
                .With(d.Degraded, d.PolicyVersion)
        );

    /// <summary>An offer accepted, declined or expired, or a meeting booked: the conversation as changed.</summary>
    public RoutingEvent ConversationChanged(string eventType, Conversation after)
    {
        var now = time.GetUtcNow();
        return Make(eventType, after.Id, after.DecisionId, () => RoutingEventData.Conversation(after, now));
    }

    /// <summary>A lead given to another rep because its first owner did not act in time.</summary>
    public RoutingEvent LeadReassigned(LeadReassignment reassignment) =>
        Make(RoutingEventTypes.LeadReassigned, reassignment.DecisionId, reassignment.DecisionId, () =>
            RoutingEventData.LeadReassigned(reassignment)
        );

    /// <summary>A test event for one subscription, sent straight away and not through the outbox.</summary>
    public RoutingEvent Ping(string subscriptionId) =>
        Make(RoutingEventTypes.Ping, subscriptionId, null, () =>
            new JsonObject { ["subscriptionId"] = subscriptionId }
        );

    /// <summary>
    /// Publishes <paramref name="events"/> inside the caller's transaction: the entry point for a change that is not
    /// a decision (a lead reassigned by its SLA timer, say) and writes its own rows.
    /// </summary>
    public Task EnqueueAsync(
        System.Data.Common.DbConnection connection,
        System.Data.Common.DbTransaction transaction,
        IReadOnlyList<RoutingEvent> events,
        CancellationToken cancellationToken
    ) => RoutingEventOutbox.EnqueueAsync(connection, transaction, events, time.GetUtcNow(), cancellationToken);

    /// <summary>
    /// The event as of now; its CloudEvent is written when first asked for (see <see cref="RoutingEvent"/>), with the
    /// time and data it has now.
    /// </summary>
    private RoutingEvent Make(string eventType, string subject, string? decisionId, Func<JsonObject> data)
    {
        var now = time.GetUtcNow();
        var id = Guid.CreateVersion7(now).ToString("N");
        var source = options.Value.Source;
        return new RoutingEvent(id, eventType, decisionId, CloudEvent);

        string CloudEvent()
        {
            var cloudEvent = new JsonObject
            {
                ["specversion"] = "1.0",
                ["id"] = id,
                ["source"] = source,
                ["type"] = RoutingEventTypes.CloudEventType(eventType),
                ["subject"] = subject,
                ["time"] = ProtoJson.Time(now),
                ["datacontenttype"] = "application/json",
                ["data"] = data(),
            };
            return cloudEvent.ToJsonString(JsonOptions);
        }
    }

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = false };
}
