namespace IntegrationHub.Routing.Policy;

/// <summary>
/// Checks a policy as a whole and lists every problem with its path in the file
/// (<c>pools[2].members[0]</c>), so an operator fixes them all in one go.
/// </summary>
public static class PolicyValidator
{
    public static IReadOnlyList<string> Validate(RoutingPolicy policy)
    {
        var problems = new List<string>();
        var repIds = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < policy.Reps.Count; i++)
        {
            var rep = policy.Reps[i];
            var path = $"reps[{i}]";
            if (string.IsNullOrWhiteSpace(rep.Id))
            {
                problems.Add($"{path}.id: is required");
            }
            else if (!repIds.Add(rep.Id))
            {
                problems.Add($"{path}.id: '{rep.Id}' is used by another rep");
            }

            if (string.IsNullOrWhiteSpace(rep.Name))
            {
                problems.Add($"{path}.name: is required");
            }

            if (string.IsNullOrWhiteSpace(rep.Email) || !rep.Email.Contains('@', StringComparison.Ordinal))
            {
                problems.Add($"{path}.email: must be an email address");
            }

            if (!TimeZoneInfo.TryFindSystemTimeZoneById(rep.TimeZone, out _))
            {
                problems.Add($"{path}.timeZone: '{rep.TimeZone}' is not a known IANA time zone");
            }

            if (rep.WorkingHours.End != TimeOnly.MinValue && rep.WorkingHours.End <= rep.WorkingHours.Start)
            {
                problems.Add($"{path}.workingHours: end must be after start");
            }

            if (rep.WorkingHours.Days.Count == 0)
            {
                problems.Add($"{path}.workingHours.days: at least one day is required");
            }

            if (rep.Languages.Count == 0)
            {
                problems.Add($"{path}.languages: at least one language is required");
            }
        }

        var poolNames = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < policy.Pools.Count; i++)
        {
            var pool = policy.Pools[i];
            var path = $"pools[{i}]";
            if (string.IsNullOrWhiteSpace(pool.Name) || !poolNames.Add(pool.Name))
            {
                problems.Add($"{path}.name: must be present and unique");
            }

            if (pool.Kind == PoolKind.Geo && string.IsNullOrWhiteSpace(pool.Region))
            {
                problems.Add($"{path}.region: a geo pool needs the region it serves");
            }

            if (pool.Kind == PoolKind.Language && string.IsNullOrWhiteSpace(pool.Language))
            {
                problems.Add($"{path}.language: a language pool needs the language it serves");
            }

            if (pool.Members.Count == 0)
            {
                problems.Add($"{path}.members: a pool needs at least one member");
            }

            for (var m = 0; m < pool.Members.Count; m++)
            {
                if (!repIds.Contains(pool.Members[m]))
                {
                    problems.Add($"{path}.members[{m}]: no rep has id '{pool.Members[m]}'");
                }
            }
        }

        var geoRegions = policy.Pools.Where(p => p.Kind == PoolKind.Geo).Select(p => p.Region).ToHashSet(StringComparer.Ordinal);
        foreach (var (country, region) in policy.RegionsByCountry)
        {
            if (!geoRegions.Contains(region))
            {
                problems.Add($"regionsByCountry.{country}: no geo pool serves region '{region}'");
            }
        }

        if (!geoRegions.Contains(policy.DefaultRegion))
        {
            problems.Add($"defaultRegion: no geo pool serves region '{policy.DefaultRegion}'");
        }

        var languages = policy.Pools.Where(p => p.Kind == PoolKind.Language).Select(p => p.Language).ToHashSet(StringComparer.Ordinal);
        foreach (var (prefix, language) in policy.LocalePrefixes)
        {
            if (!prefix.StartsWith('/') || !prefix.EndsWith('/'))
            {
                problems.Add($"localePrefixes.{prefix}: a prefix starts and ends with '/', like '/fr-fr/'");
            }

            if (!languages.Contains(language))
            {
                problems.Add($"localePrefixes.{prefix}: no language pool serves '{language}'");
            }
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < policy.VisitorRules.Count; i++)
        {
            var rule = policy.VisitorRules[i];
            if (!VisitorRuleNames.All.Contains(rule))
            {
                problems.Add($"visitorRules[{i}]: unknown rule '{rule}'; known rules are {string.Join(", ", VisitorRuleNames.All)}");
            }
            else if (!seen.Add(rule))
            {
                problems.Add($"visitorRules[{i}]: '{rule}' is listed twice");
            }
        }

        if (policy.VisitorRules.Contains(VisitorRuleNames.PublicSector) && !policy.Pools.Any(p => p.Kind == PoolKind.PubSec))
        {
            problems.Add("pools: the public_sector rule needs a pool of kind PubSec");
        }

        if (policy.AcceptTimeout < TimeSpan.FromSeconds(1) || policy.AcceptTimeout > TimeSpan.FromMinutes(10))
        {
            problems.Add("acceptTimeout: must be between 00:00:01 and 00:10:00");
        }

        if (policy.FactDeadline < TimeSpan.FromMilliseconds(50) || policy.FactDeadline > TimeSpan.FromSeconds(30))
        {
            problems.Add("factDeadline: must be between 00:00:00.05 and 00:00:30");
        }

        if (policy.AiRep.Enabled && policy.AiRep.Languages.Count == 0)
        {
            problems.Add("aiRep.languages: an enabled AI rep serves at least one language");
        }

        var meeting = policy.MeetingOffer;
        if (meeting.DurationMinutes is < 5 or > 480)
        {
            problems.Add("meetingOffer.durationMinutes: must be between 5 and 480");
        }

        if (meeting.BufferMinutes is < 0 or > 120)
        {
            problems.Add("meetingOffer.bufferMinutes: must be between 0 and 120");
        }

        if (meeting.MinimumNoticeMinutes is < 0 or > 10080)
        {
            problems.Add("meetingOffer.minimumNoticeMinutes: must be between 0 and 10080");
        }

        if (meeting.DaysAhead is < 1 or > 30)
        {
            problems.Add("meetingOffer.daysAhead: must be between 1 and 30");
        }

        if (meeting.MaxSlots is < 1 or > 50)
        {
            problems.Add("meetingOffer.maxSlots: must be between 1 and 50");
        }

        ValidateLeads(policy.Leads, problems);
        return problems;
    }

    private static void ValidateLeads(LeadPolicy leads, List<string> problems)
    {
        if (leads.MqlThreshold is < 1 or > 10_000)
        {
            problems.Add("leads.mqlThreshold: must be between 1 and 10000");
        }

        if (leads.CustomerCarrThresholdCents < 0)
        {
            problems.Add("leads.customerCarrThresholdCents: must not be negative");
        }

        if (leads.ActivityWindow <= TimeSpan.Zero || leads.UnresponsiveAfter <= TimeSpan.Zero)
        {
            problems.Add("leads.activityWindow and leads.unresponsiveAfter: must be positive");
        }

        if (string.IsNullOrWhiteSpace(leads.MarketingQueueUserId))
        {
            problems.Add("leads.marketingQueueUserId: is required");
        }

        if (leads.Spam.FlagThreshold is <= 0 or > 1)
        {
            problems.Add("leads.spam.flagThreshold: must be above 0 and at most 1");
        }

        if (leads.Sequences.LargeSignalsRequired is < 1 or > 2)
        {
            problems.Add("leads.sequences.largeSignalsRequired: must be 1 or 2");
        }

        if (leads.Sequences.SmbSignalsRequired is < 2 or > 3)
        {
            problems.Add("leads.sequences.smbSignalsRequired: must be 2 or 3");
        }

        if (string.IsNullOrWhiteSpace(leads.Sequences.HighTouchSequenceId) || string.IsNullOrWhiteSpace(leads.Sequences.LowTouchSequenceId))
        {
            problems.Add("leads.sequences: highTouchSequenceId and lowTouchSequenceId are required");
        }
    }
}
