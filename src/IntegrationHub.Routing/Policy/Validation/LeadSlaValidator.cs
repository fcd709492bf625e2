using IntegrationHub.Routing.Leads;
using IntegrationHub.Sdk.Capabilities.Crm;

namespace IntegrationHub.Routing.Policy.Validation;

/// <summary><c>leads.sla</c>: minutes within a week, rules the lead policy knows, statuses a rep can set.</summary>
internal static class LeadSlaValidator
{
    private const int Week = 7 * 24 * 60;

    private static readonly LeadStatus[] NotAcceptance =
    [
        LeadStatus.Unspecified,
        LeadStatus.Open,
        LeadStatus.Mql,
        LeadStatus.Spam,
    ];

    public static IEnumerable<string> Check(LeadPolicy leads)
    {
        var sla = leads.Sla;
        if (sla.Minutes is < 0 or > Week)
        {
            yield return $"leads.sla.minutes: must be between 0 (no SLA) and {Week} (a week)";
        }

        foreach (var (rule, minutes) in sla.ByRule)
        {
            if (!LeadRuleNames.All.Contains(rule) && rule != LeadRuleNames.RelatedLeads)
            {
                yield return $"leads.sla.byRule.{rule}: not a lead rule (one of "
                    + $"{string.Join(", ", LeadRuleNames.All.Append(LeadRuleNames.RelatedLeads))})";
            }

            if (minutes is < 0 or > Week)
            {
                yield return $"leads.sla.byRule.{rule}: must be between 0 (no SLA) and {Week} (a week)";
            }
        }

        for (var i = 0; i < sla.AcceptedStatuses.Count; i++)
        {
            if (NotAcceptance.Contains(sla.AcceptedStatuses[i]))
            {
                yield return $"leads.sla.acceptedStatuses[{i}]: {sla.AcceptedStatuses[i]} is where a lead waits, "
                    + "not a sign that its owner took it";
            }
        }

        if (sla.AcceptedStatuses.Count == 0 && !sla.OwnerActivity)
        {
            yield return "leads.sla: with no acceptedStatuses and ownerActivity false nothing counts as accepting";
        }

        if (sla.RetryMinutes is < 1 or > 24 * 60)
        {
            yield return "leads.sla.retryMinutes: must be between 1 and 1440";
        }
    }
}
