using IntegrationHub.Routing.Leads;

namespace IntegrationHub.Routing.Policy.Validation;

/// <summary>
/// The public_sector rules (visitor and lead) send a US public-sector account with no BDR Assigned
/// round robin in the PubSec pool, so there must be one.
/// </summary>
internal static class PubSecPoolValidator
{
    public static IEnumerable<string> Check(RoutingPolicy policy)
    {
        var needed =
            policy.VisitorRules.Contains(VisitorRuleNames.PublicSector)
            || policy.Leads.Rules.Contains(LeadRuleNames.PublicSector);
        if (needed && !policy.Pools.Any(p => p.Kind == PoolKind.PubSec))
        {
            yield return "pools: the public_sector rule needs a pool of kind PubSec";
        }
    }
}
