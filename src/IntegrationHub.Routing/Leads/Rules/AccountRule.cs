using IntegrationHub.Routing.Rules;
using IntegrationHub.Sdk.Capabilities.Crm;

namespace IntegrationHub.Routing.Leads.Rules;

/// <summary>A rule about the lead's matched account; without a matched account it is skipped.</summary>
internal abstract class AccountRule : ICrmLeadRule
{
    public abstract string Name { get; }

    public LeadTarget? Decide(LeadDraft draft, LeadFacts facts)
    {
        if (facts.Account.Value is not { } account)
        {
            WithoutAccount(draft, facts);
            return null;
        }

        return Decide(draft, facts, account, AccountFacts(facts, account));
    }

    /// <summary>
    /// Decides for a lead at <paramref name="account"/>; <paramref name="read"/> are the account facts every such rule
    /// shows.
    /// </summary>
    protected abstract LeadTarget? Decide(LeadDraft draft, LeadFacts facts, Account account, IReadOnlyList<Fact> read);

    /// <summary>No account because the CRM failed is not "no account": the rule is undecided, and says why.</summary>
    protected virtual void WithoutAccount(LeadDraft draft, LeadFacts facts)
    {
        if (facts.Account.Report.Broken)
        {
            draft.Add(Name, RuleOutcome.Undecided, facts.Account.Report.WhyUnknown, []);
        }
        else
        {
            draft.Skip(Name, "no matched account");
        }
    }

    private static IReadOnlyList<Fact> AccountFacts(LeadFacts facts, Account account) =>
        [
            new("account.id", account.Id, "crm"),
            new("account.matched_by", facts.MatchedBy ?? "", "crm"),
            new("account.bdr_prospecting_status", account.BdrProspectingStatus.ToString(), "crm"),
            new("account.bdr_assigned", account.BdrAssignedUserId ?? "", "crm"),
            new("account.country_code", account.CountryCode, "crm"),
        ];
}
