namespace IntegrationHub.Routing.Policy.Validation;

/// <summary><c>localePrefixes</c>: each prefix is a path segment and its language has a pool.</summary>
internal static class LocalePrefixesValidator
{
    public static IEnumerable<string> Check(RoutingPolicy policy)
    {
        var languages = policy
            .Pools.Where(p => p.Kind == PoolKind.Language)
            .Select(p => p.Language)
            .ToHashSet(StringComparer.Ordinal);
        foreach (var (prefix, language) in policy.LocalePrefixes)
        {
            if (!prefix.StartsWith('/') || !prefix.EndsWith('/'))
            {
                yield return $"localePrefixes.{prefix}: a prefix starts and ends with '/', like '/fr-fr/'";
            }

            if (!languages.Contains(language))
            {
                yield return $"localePrefixes.{prefix}: no language pool serves '{language}'";
            }
        }
    }
}
