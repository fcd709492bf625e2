using IntegrationHub.Routing.Decisions;
using IntegrationHub.Routing.Policy;
using IntegrationHub.Routing.Rules;

namespace IntegrationHub.Routing.Leads;

/// <summary>
/// The SLA armed on a lead decision: <see cref="OwnerId"/> has until <see cref="DueAt"/> to accept the lead, or the
/// round robin of <see cref="ThenPool"/>, without them, gives it to someone else.
/// </summary>
public sealed record LeadSla(int Minutes, DateTimeOffset DueAt, string OwnerId, string ThenPool)
{
    /// <summary>The name the SLA goes by in explanations, and the matched rule of a reassignment.</summary>
    public const string RuleName = "lead_sla";

    /// <summary>"SLA 15 min → then round robin of sdr-amer without Olivia Brooks" (simulate, explain).</summary>
    public string Describe(RoutingPolicy policy) =>
        $"SLA {Minutes} min → then round robin of {ThenPool} without {policy.RepById(OwnerId)?.Name ?? OwnerId}";

    /// <summary>
    /// The SLA a decision arms: a lead given to a rep (not one converted into a customer's contact) under a policy
    /// with minutes for the rule that chose the rep. Its "next in line" is the pool the rep was picked from, or, for a
    /// rep named by a rule (BDR Assigned, a related lead's owner), the SDR team of the lead's region — where
    /// account_status and no_account send a lead nobody in particular owns.
    /// </summary>
    internal static LeadSla? Plan(
        RoutingPolicy policy,
        RoutingTarget target,
        string? rule,
        DateTimeOffset now,
        string countryCode
    )
    {
        if (
            target is not { Kind: TargetKind.HumanRep, RepId: { } owner }
            || rule == LeadRuleNames.CustomerConversion
            || policy.Leads.Sla.MinutesFor(rule) is not { } minutes
        )
        {
            return null;
        }

        var pool = target.Pool ?? policy.GeoPool(policy.RegionOf(countryCode))?.Name;
        return pool is null ? null : new LeadSla(minutes, now.AddMinutes(minutes), owner, pool);
    }
}
