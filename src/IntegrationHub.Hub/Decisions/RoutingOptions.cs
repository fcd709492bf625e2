using System.ComponentModel.DataAnnotations;

namespace IntegrationHub.Hub.Decisions;

/// <summary>Where the routing policy comes from, bound from <c>Routing</c>.</summary>
public sealed class RoutingOptions
{
    public const string Section = "Routing";

    /// <summary>
    /// The policy file (JSON); relative to the hub's content root. A valid edit is published as a new version while
    /// running.
    /// </summary>
    public string PolicyFile { get; set; } = "policy/routing-policy.json";

    /// <summary>
    /// How often an instance checks for a version another instance published, in case the announcement was lost
    /// (announcements normally arrive at once).
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan PolicyRefreshInterval { get; set; } = TimeSpan.FromSeconds(30);
}
