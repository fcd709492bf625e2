namespace IntegrationHub.Storage.RoutingEvents;

/// <summary>
/// A routing event ready to leave: its id, its type (what subscriptions choose), the decision it belongs to, and the
/// CloudEvent it is sent as (a JSON object, signed and sent byte for byte as written).
/// </summary>
public sealed record RoutingEvent(string Id, string Type, string? DecisionId, string CloudEventJson);
