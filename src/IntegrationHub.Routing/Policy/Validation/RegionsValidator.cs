namespace IntegrationHub.Routing.Policy.Validation;

/// <summary>
/// <c>regionsByCountry</c> and <c>defaultRegion</c>: every region a visitor can land in has a geo pool.
/// </summary>
internal static class RegionsValidator
{
    public static IEnumerable<string> Check(RoutingPolicy policy)
    {
        var geoRegions = policy
            .Pools.Where(p => p.Kind == PoolKind.Geo)
            .Select(p => p.Region)
            .ToHashSet(StringComparer.Ordinal);
        foreach (var (country, region) in policy.RegionsByCountry.Where(m => !geoRegions.Contains(m.Value)))
        {
            yield return $"regionsByCountry.{country}: no geo pool serves region '{region}'";
        }

        if (!geoRegions.Contains(policy.DefaultRegion))
        {
            yield return $"defaultRegion: no geo pool serves region '{policy.DefaultRegion}'";
        }
    }
}
