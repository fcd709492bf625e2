namespace IntegrationHub.Routing.Policy.Validation;

/// <summary>A public_sector rule with no BDR Assigned goes round robin in the PubSec pool, so there must be one.</summary>
internal static class PubSecPoolValidator
{
    public static IEnumerable<string> Check(RoutingPolicy policy)
    {
        if (policy.VisitorRules.Contains(VisitorRuleNames.PublicSector) && !policy.Pools.Any(p => p.Kind == PoolKind.PubSec))
        {
            yield return "pools: the public_sector rule needs a pool of kind PubSec";
        }
    }
}
