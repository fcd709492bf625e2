namespace IntegrationHub.Routing.Policy.Validation;

/// <summary><c>reps</c>: each rep can be told apart, reached, and has hours and languages to route by.</summary>
internal static class RepsValidator
{
    public static IEnumerable<string> Check(RoutingPolicy policy)
    {
        var repIds = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < policy.Reps.Count; i++)
        {
            var rep = policy.Reps[i];
            var path = $"reps[{i}]";
            if (string.IsNullOrWhiteSpace(rep.Id))
            {
                yield return $"{path}.id: is required";
            }
            else if (!repIds.Add(rep.Id))
            {
                yield return $"{path}.id: '{rep.Id}' is used by another rep";
            }

            if (string.IsNullOrWhiteSpace(rep.Name))
            {
                yield return $"{path}.name: is required";
            }

            if (string.IsNullOrWhiteSpace(rep.Email) || !rep.Email.Contains('@', StringComparison.Ordinal))
            {
                yield return $"{path}.email: must be an email address";
            }

            if (!TimeZoneInfo.TryFindSystemTimeZoneById(rep.TimeZone, out _))
            {
                yield return $"{path}.timeZone: '{rep.TimeZone}' is not a known IANA time zone";
            }

            if (rep.WorkingHours.End != TimeOnly.MinValue && rep.WorkingHours.End <= rep.WorkingHours.Start)
            {
                yield return $"{path}.workingHours: end must be after start";
            }

            if (rep.WorkingHours.Days.Count == 0)
            {
                yield return $"{path}.workingHours.days: at least one day is required";
            }

            if (rep.Languages.Count == 0)
            {
                yield return $"{path}.languages: at least one language is required";
            }
        }
    }
}
