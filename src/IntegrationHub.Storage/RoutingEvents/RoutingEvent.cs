namespace IntegrationHub.Storage.RoutingEvents;

/// <summary>
/// A routing event ready to leave: its id, its type (what subscriptions choose), the decision it belongs to, and the
/// CloudEvent it is sent as (a JSON object, signed and sent byte for byte as written). The CloudEvent is written the
/// first time it is asked for: a decision's transaction asks only when some subscription wants the event's type, so
/// with none (most hubs, most of the time) the decision writer does not build JSON nobody will read.
/// </summary>
public sealed class RoutingEvent(string id, string type, string? decisionId, Func<string> cloudEvent)
{
    private readonly Lazy<string> _cloudEventJson = new(cloudEvent, LazyThreadSafetyMode.ExecutionAndPublication);

    public RoutingEvent(string id, string type, string? decisionId, string cloudEventJson)
        : this(id, type, decisionId, () => cloudEventJson) { }

    public string Id { get; } = id;

    public string Type { get; } = type;

    public string? DecisionId { get; } = decisionId;

    public string CloudEventJson => _cloudEventJson.Value;
}
