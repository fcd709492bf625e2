using System.Globalization;
using IntegrationHub.Routing.Decisions;
using IntegrationHub.Routing.Rules;
using IntegrationHub.Sdk.Capabilities.Crm;

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
            draft.Matched(Name, $"score {score} is below the MQL threshold {threshold}: recorded, not routed",
                [new Fact("lead.score", score.ToString(CultureInfo.InvariantCulture), "lead")]);
            return new LeadTarget.Stop(TargetKind.NotRouted, LeadStatus.Open);
        }

        draft.NotMatched(Name, $"score {score} reaches {threshold}: an MQL");
        return null;
    }
}
