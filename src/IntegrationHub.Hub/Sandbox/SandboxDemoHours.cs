namespace IntegrationHub.Hub.Sandbox;

/// <summary>
/// Sandbox demo hours are on: every rep counts as inside working hours (the running policy and every candidate get
/// <see cref="Routing.Policy.RoutingPolicy.DemoHours"/>), so the walk-through routes to a human on a Saturday night.
/// The host registers it only in sandbox mode with <c>Sandbox:DemoHours</c> on; outside the sandbox it never exists.
/// </summary>
public sealed record SandboxDemoHours;
