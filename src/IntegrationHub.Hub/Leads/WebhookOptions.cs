using System.ComponentModel.DataAnnotations;

namespace IntegrationHub.Hub.Leads;

/// <summary>
/// Inbound vendor webhooks, bound from <c>Webhooks</c>: what the hub enforces for every connector.
/// How a delivery is proven (a signing secret) is each connector's own option.
/// </summary>
public sealed class WebhookOptions
{
    public const string Section = "Webhooks";

    /// <summary>Bodies larger than this are refused unread.</summary>
    public int MaxBodyBytes { get; set; } = 64 * 1024;

    /// <summary>
    /// A signed body whose delivery time (Outreach's <c>meta.deliveredAt</c>) is further than
    /// this from the hub's now, either way, is refused as a replay. Outreach retries a delivery
    /// within seconds, so 15 minutes leaves room for clock skew and nothing else. Bodies seen
    /// before are remembered for twice this long and taken without effect.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "7.00:00:00")]
    public TimeSpan MaxEventAge { get; set; } = TimeSpan.FromMinutes(15);
}
