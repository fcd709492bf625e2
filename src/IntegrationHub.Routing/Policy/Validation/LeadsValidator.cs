namespace IntegrationHub.Routing.Policy.Validation;

/// <summary>
/// <c>leads</c>: the thresholds, windows and queues of the lead rules of engagement, then their order.
/// </summary>
internal static class LeadsValidator
{
    public static IEnumerable<string> Check(RoutingPolicy policy) =>
        Settings(policy.Leads).Concat(LeadRulesValidator.Check(policy)).Concat(LeadSlaValidator.Check(policy.Leads));

    private static IEnumerable<string> Settings(LeadPolicy leads)
    {
        if (leads.MqlThreshold is < 1 or > 10_000)
        {
            yield return "leads.mqlThreshold: must be between 1 and 10000";
        }

        if (leads.CustomerCarrThresholdCents < 0)
        {
            yield return "leads.customerCarrThresholdCents: must not be negative";
        }

        if (leads.ActivityWindow <= TimeSpan.Zero || leads.UnresponsiveAfter <= TimeSpan.Zero)
        {
            yield return "leads.activityWindow and leads.unresponsiveAfter: must be positive";
        }

        if (string.IsNullOrWhiteSpace(leads.MarketingQueueUserId))
        {
            yield return "leads.marketingQueueUserId: is required";
        }

        if (leads.Spam.FlagThreshold is <= 0 or > 1)
        {
            yield return "leads.spam.flagThreshold: must be above 0 and at most 1";
        }

        if (leads.Sequences.LargeSignalsRequired is < 1 or > 2)
        {
            yield return "leads.sequences.largeSignalsRequired: must be 1 or 2";
        }

        if (leads.Sequences.SmbSignalsRequired is < 2 or > 3)
        {
            yield return "leads.sequences.smbSignalsRequired: must be 2 or 3";
        }

        if (
            string.IsNullOrWhiteSpace(leads.Sequences.HighTouchSequenceId)
            || string.IsNullOrWhiteSpace(leads.Sequences.LowTouchSequenceId)
        )
        {
            yield return "leads.sequences: highTouchSequenceId and lowTouchSequenceId are required";
        }
    }
}
