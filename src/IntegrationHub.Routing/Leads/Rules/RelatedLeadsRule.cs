using IntegrationHub.Routing.Rules;
using IntegrationHub.Sdk.Capabilities.Crm;

namespace IntegrationHub.Routing.Leads.Rules;

/// <summary>
/// DOMAIN rule 8, when the SDR team works the lead: another lead at the company in MQL sends both
/// to the owner with the earliest MQL date; one being worked (Accepted or Qualifying, recent
/// activity or a future task) keeps its owner; otherwise the round robin picks.
/// </summary>
internal static class RelatedLeadsRule
{
    public const string Name = LeadRuleNames.RelatedLeads;

    /// <summary>The owner who keeps the company together, or null for the round robin.</summary>
    public static string? OwnerToKeep(LeadDraft draft, LeadFacts facts)
    {
        var since = draft.Now - draft.Policy.Leads.ActivityWindow;
        var others = (facts.Related.Value ?? [])
            .Where(p =>
                !string.Equals(p.Email, draft.Lead.Email, StringComparison.OrdinalIgnoreCase)
                && p.OwnerUserId is { Length: > 0 }
            )
            .ToList();
        var earliestMql = others
            .Where(p => p.Status == LeadStatus.Mql && p.MqlAt is not null)
            .OrderBy(p => p.MqlAt)
            .FirstOrDefault();
        if (earliestMql is not null)
        {
            draft.Matched(
                Name,
                $"another lead at the company has been an MQL since {earliestMql.MqlAt:yyyy-MM-dd}: "
                    + "both go to its owner",
                [
                    new Fact("related_lead.mql_at", earliestMql.MqlAt!.Value.ToString("O"), "crm"),
                    new Fact("related_lead.owner", earliestMql.OwnerUserId!, "crm"),
                ]
            );
            return earliestMql.OwnerUserId;
        }

        var working = others.FirstOrDefault(p =>
            p.Status is LeadStatus.Accepted or LeadStatus.Qualifying
            && (p.LastActivityAt >= since || p.NextTaskAt > draft.Now)
        );
        if (working is not null)
        {
            var why = working.NextTaskAt > draft.Now ? "has a future task" : "had activity in the window";
            draft.Matched(
                Name,
                $"another lead at the company is {working.Status} and {why}: its owner keeps the company",
                [
                    new Fact("related_lead.status", working.Status.ToString(), "crm"),
                    new Fact("related_lead.owner", working.OwnerUserId!, "crm"),
                ]
            );
            return working.OwnerUserId;
        }

        draft.NotMatched(
            Name,
            others.Count == 0 ? "no related leads" : "no related lead in MQL, or being worked recently: round robin",
            []
        );
        return null;
    }
}
