using System.Globalization;
using IntegrationHub.Routing.Rules;

namespace IntegrationHub.Routing.Leads.Rules;

/// <summary>A lead becomes an MQL at the threshold score; below it the lead is recorded, not routed.</summary>
internal sealed class MqlThresholdRule : ISubmissionRule
{
    public string Name => LeadRuleNames.MqlThreshold;

    public LeadTarget? Decide(LeadDraft draft)
    {
        var score = draft.Lead.LeadScore;
        var threshold = draft.Policy.Leads.MqlThreshold;
        if (score < threshold)
        {
            draft.Matched(
                Name,
                $"score {score} is below the MQL threshold {threshold}: recorded, not routed",
                [new Fact("lead.score", score.ToString(CultureInfo.InvariantCulture), "lead")]
            );
            return LeadTarget.Stop.BelowMqlThreshold;
        }

        draft.NotMatched(Name, $"score {score} reaches {threshold}: an MQL");
        return null;
    }
}
