namespace IntegrationHub.Routing.Policy.Validation;

/// <summary><c>pools</c>: each pool is named once, says what it serves, and has members who are reps.</summary>
internal static class PoolsValidator
{
    public static IEnumerable<string> Check(RoutingPolicy policy)
    {
        var repIds = policy
            .Reps.Select(r => r.Id)
            .Where(id => !string.IsNullOrWhiteSpace(id))
            .ToHashSet(StringComparer.Ordinal);
        var poolNames = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < policy.Pools.Count; i++)
        {
            var pool = policy.Pools[i];
            var path = $"pools[{i}]";
            if (string.IsNullOrWhiteSpace(pool.Name) || !poolNames.Add(pool.Name))
            {
                yield return $"{path}.name: must be present and unique";
            }

            if (pool.Kind == PoolKind.Geo && string.IsNullOrWhiteSpace(pool.Region))
            {
                yield return $"{path}.region: a geo pool needs the region it serves";
            }

            if (pool.Kind == PoolKind.Language && string.IsNullOrWhiteSpace(pool.Language))
            {
                yield return $"{path}.language: a language pool needs the language it serves";
            }

            if (pool.Members.Count == 0)
            {
                yield return $"{path}.members: a pool needs at least one member";
            }

            for (var m = 0; m < pool.Members.Count; m++)
            {
                if (!repIds.Contains(pool.Members[m]))
                {
                    yield return $"{path}.members[{m}]: no rep has id '{pool.Members[m]}'";
                }
            }
        }
    }
}
