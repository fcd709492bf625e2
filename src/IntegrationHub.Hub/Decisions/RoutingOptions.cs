namespace IntegrationHub.Hub.Decisions;

/// <summary>Where the routing policy comes from, bound from <c>Routing</c>.</summary>
public sealed class RoutingOptions
{
    public const string Section = "Routing";

    /// <summary>
    /// The policy file (JSON); relative to the hub's content root. Edits are picked up while running.
    /// </summary>
    public string PolicyFile { get; set; } = "policy/routing-policy.json";
}
