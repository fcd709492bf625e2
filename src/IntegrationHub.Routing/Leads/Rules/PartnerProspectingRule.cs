using IntegrationHub.Routing.Rules;
using IntegrationHub.Sdk.Capabilities.Crm;

namespace IntegrationHub.Routing.Leads.Rules;

/// <summary>
/// DOMAIN rule 2: partner accounts get no sales-development outreach; the marketing queue owns the lead.
/// </summary>
internal sealed class PartnerProspectingRule : AccountRule
{
    public override string Name => LeadRuleNames.PartnerProspecting;

    protected override LeadTarget? Decide(LeadDraft draft, LeadFacts facts, Account account, IReadOnlyList<Fact> read)
    {
        if (string.IsNullOrWhiteSpace(account.PartnerProspectingStatus))
        {
            draft.NotMatched(Name, "no partner prospecting status", read);
            return null;
        }

        draft.Matched(
            Name,
            $"partner prospecting status '{account.PartnerProspectingStatus}': marketing queue, no sequencing",
            read
        );
        return new LeadTarget.Queue(draft.Policy.Leads.MarketingQueueUserId);
    }

    /// <summary>
    /// Unlike the other account rules, this one says why the account is unknown (and is undecided when the CRM failed).
    /// </summary>
    protected override void WithoutAccount(LeadDraft draft, LeadFacts facts)
    {
        var report = facts.Account.Report;
        var outcome = PolicyLookups.SourceBroken(report) ? RuleOutcome.Undecided : RuleOutcome.NotMatched;
        draft.Add(Name, outcome, PolicyLookups.Unknown(report), []);
    }
}
