namespace IntegrationHub.Routing.Policy.Validation;

/// <summary><c>reps[i].caps</c>, <c>pools[i].caps</c>: limits are positive, a week's at least a day's.</summary>
internal static class CapsValidator
{
    /// <summary>More than anyone can work in a week: a typo, not a cap.</summary>
    private const int Most = 100_000;

    public static IEnumerable<string> Check(RoutingPolicy policy) =>
        policy
            .Reps.Select((rep, i) => (rep.Caps, Path: $"reps[{i}].caps"))
            .Concat(policy.Pools.Select((pool, i) => (pool.Caps, Path: $"pools[{i}].caps")))
            .Where(c => c.Caps is not null)
            .SelectMany(c => Problems(c.Caps!, c.Path));

    private static IEnumerable<string> Problems(WorkCaps caps, string path)
    {
        foreach (var (name, value) in Limits(caps))
        {
            if (value is < 1 or > Most)
            {
                yield return $"{path}.{name}: must be between 1 and {Most} (leave it out for no cap)";
            }
        }

        if (caps.LeadsPerDay > caps.LeadsPerWeek)
        {
            yield return $"{path}.leadsPerWeek: must be at least leadsPerDay ({caps.LeadsPerDay})";
        }

        if (caps.ChatsPerDay > caps.ChatsPerWeek)
        {
            yield return $"{path}.chatsPerWeek: must be at least chatsPerDay ({caps.ChatsPerDay})";
        }
    }

    private static IEnumerable<(string Name, int? Value)> Limits(WorkCaps caps) =>
        [
            ("leadsPerDay", caps.LeadsPerDay),
            ("leadsPerWeek", caps.LeadsPerWeek),
            ("chatsPerDay", caps.ChatsPerDay),
            ("chatsPerWeek", caps.ChatsPerWeek),
        ];
}
