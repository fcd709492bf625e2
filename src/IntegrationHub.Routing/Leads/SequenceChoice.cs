using IntegrationHub.Routing.Policy;
using IntegrationHub.Sdk.Capabilities.Crm;

namespace IntegrationHub.Routing.Leads;

/// <summary>High touch for higher-quality leads: count the quality signals against the segment's bar.</summary>
public static class SequenceChoice
{
    public static (string SequenceId, IReadOnlyList<string> Signals, int Required) Choose(
        LeadSubmission lead,
        AccountSegment segment,
        LeadPolicy policy
    )
    {
        var rules = policy.Sequences;
        var signals = new List<string>();
        if (!policy.FreeEmailDomains.Contains(lead.EmailDomain, StringComparer.OrdinalIgnoreCase))
        {
            signals.Add("company_email_domain");
        }

        if (!string.IsNullOrWhiteSpace(lead.Phone))
        {
            signals.Add("phone_number");
        }

        if (rules.PersonaTitles.Any(t => lead.Title.Contains(t, StringComparison.OrdinalIgnoreCase)))
        {
            signals.Add("persona_title");
        }

        if (lead.LeadScore >= rules.IntentScore)
        {
            signals.Add("intent");
        }

        if (lead.SetUpForTeam)
        {
            signals.Add("set_up_for_team");
        }

        if (lead.DeveloperCount >= rules.DeveloperCount)
        {
            signals.Add("developer_count");
        }

        if (!string.IsNullOrWhiteSpace(lead.LinkedInUrl))
        {
            signals.Add("linkedin_profile");
        }

        var required = segment is AccountSegment.MidMarket or AccountSegment.Large or AccountSegment.PubSec
            ? rules.LargeSignalsRequired
            : rules.SmbSignalsRequired;
        return (signals.Count >= required ? rules.HighTouchSequenceId : rules.LowTouchSequenceId, signals, required);
    }
}
