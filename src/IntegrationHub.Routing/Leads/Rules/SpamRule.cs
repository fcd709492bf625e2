using IntegrationHub.Routing.Rules;

namespace IntegrationHub.Routing.Leads.Rules;

/// <summary>
/// DOMAIN rule 1: a lead that is spam with high confidence is flagged for the spam campaign, never routed.
/// </summary>
internal sealed class SpamRule : ISubmissionRule
{
    public string Name => LeadRuleNames.Spam;

    public LeadTarget? Decide(LeadDraft draft)
    {
        var spam = draft.Spam;
        var reasons = string.Join("; ", spam.Reasons);
        if (spam.IsFlagged(draft.Policy.Leads.Spam))
        {
            draft.Matched(
                Name,
                $"spam confidence {spam.Confidence:0.00}: {reasons}; flagged for the spam campaign, not routed",
                [new Fact("lead.email_domain", draft.Lead.EmailDomain, "lead")]
            );
            return LeadTarget.Stop.Spam;
        }

        draft.NotMatched(
            Name,
            spam.Reasons.Count == 0
                ? "no spam signals"
                : $"spam confidence {spam.Confidence:0.00} is below the flag threshold ({reasons})"
        );
        return null;
    }
}
