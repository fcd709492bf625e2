namespace IntegrationHub.Routing.Policy.Validation;

/// <summary>A list of rule names in the order they are tried: each a known rule, each once.</summary>
internal static class RuleOrderValidator
{
    /// <param name="path">Where the list is in the file, e.g. <c>visitorRules</c>.</param>
    /// <param name="order">The names as the file lists them.</param>
    /// <param name="known">The rules that may be listed.</param>
    /// <param name="unlisted">Names that are rules but not for this list, with why, so the message says more than
    /// "unknown".</param>
    public static IEnumerable<string> Check(
        string path,
        IReadOnlyList<string> order,
        IReadOnlyList<string> known,
        IReadOnlyDictionary<string, string>? unlisted = null
    )
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < order.Count; i++)
        {
            var rule = order[i];
            if (unlisted?.GetValueOrDefault(rule) is { } why)
            {
                yield return $"{path}[{i}]: '{rule}' {why}";
            }
            else if (!known.Contains(rule))
            {
                yield return $"{path}[{i}]: unknown rule '{rule}'; known rules are {string.Join(", ", known)}";
            }
            else if (!seen.Add(rule))
            {
                yield return $"{path}[{i}]: '{rule}' is listed twice";
            }
        }
    }
}
