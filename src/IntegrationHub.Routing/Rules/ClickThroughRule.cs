using IntegrationHub.Routing.Facts;
using IntegrationHub.Routing.Policy;

namespace IntegrationHub.Routing.Rules;

/// <summary>Rule 1: a visitor from a tracked sequence-email link goes to the rep who owns that sequence.</summary>
public sealed class ClickThroughRule : IVisitorRule
{
    public string Name => VisitorRuleNames.ClickThrough;

    public RuleVerdict Evaluate(VisitorFacts facts, RoutingPolicy policy)
    {
        var click = facts.ClickThrough;
        if (click.Value is not { } found)
        {
            var outcome = PolicyLookups.SourceBroken(click.Report) ? RuleOutcome.Undecided : RuleOutcome.NotMatched;
            var reason =
                click.Report.Status == SourceStatus.NotAsked
                    ? "the visitor did not come from a tracked link"
                    : PolicyLookups.Unknown(click.Report);
            return new RuleVerdict(Name, outcome, reason, []);
        }

        Fact[] read =
        [
            new("click_through.sequence_id", found.SequenceId, click.Report.Capability),
            new("click_through.sequence_owner", found.SequenceOwner.Email, click.Report.Capability),
        ];
        return policy.RepByEmail(found.SequenceOwner.Email) is { } owner
            ? new RuleVerdict(
                Name,
                RuleOutcome.Matched,
                $"came from a link in sequence {found.SequenceId}, owned by {owner.Name}",
                read,
                new RepTarget(owner.Id)
            )
            : new RuleVerdict(
                Name,
                RuleOutcome.NotMatched,
                $"the sequence owner {found.SequenceOwner.Email} is not a rep in the policy",
                read
            );
    }
}
