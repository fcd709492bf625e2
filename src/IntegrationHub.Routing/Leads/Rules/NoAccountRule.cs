using IntegrationHub.Routing.Rules;

namespace IntegrationHub.Routing.Leads.Rules;

/// <summary>
/// DOMAIN rule 4: a lead with no matched account (or an unknown one, the CRM being down) goes to the SDR team.
/// </summary>
internal sealed class NoAccountRule : ICrmLeadRule
{
    public string Name => LeadRuleNames.NoAccount;

    public LeadTarget? Decide(LeadDraft draft, LeadFacts facts)
    {
        if (facts.Account.Value is { } account)
        {
            draft.NotMatched(Name, $"the lead matches account {account.Name}");
            return null;
        }

        var region = draft.Policy.RegionOf(facts.Lead.CountryCode);
        var report = facts.Account.Report;
        draft.Matched(
            Name,
            PolicyLookups.SourceBroken(report)
                ? $"{PolicyLookups.Unknown(report)}: SDR team of {region}"
                : $"no account matches {facts.Lead.EmailDomain} or '{facts.Lead.Company}': SDR team of {region}",
            []
        );
        return new LeadTarget.SdrTeam(region);
    }
}
