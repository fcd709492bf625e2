namespace IntegrationHub.Hub.RoutingEvents;

/// <summary>
/// A routed lead taken from its first owner (nobody touched it within the SLA) and given to the next rule's rep.
/// </summary>
public sealed record LeadReassignment(
    string DecisionId,
    string PreviousRepId,
    string RepId,
    string Rule,
    string Reason
);
