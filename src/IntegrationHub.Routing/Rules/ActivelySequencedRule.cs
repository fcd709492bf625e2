using IntegrationHub.Routing.Facts;
using IntegrationHub.Routing.Policy;
using IntegrationHub.Sdk.Capabilities.Sequencing;

namespace IntegrationHub.Routing.Rules;

/// <summary>Rule 2: a known CRM lead or contact with an active sequence goes to the sequencing rep.</summary>
public sealed class ActivelySequencedRule : IVisitorRule
{
    public string Name => VisitorRuleNames.ActivelySequenced;

    public RuleVerdict Evaluate(VisitorFacts facts, RoutingPolicy policy)
    {
        if (facts.Request.Email is null)
        {
            return new RuleVerdict(Name, RuleOutcome.NotMatched, "the visitor's email is not known", []);
        }

        if (facts.Person.Value is not { } person)
        {
            return Unknown(facts.Person.Report, "the visitor is not a known CRM lead or contact");
        }

        var read = new List<Fact> { new("person.kind", person.Kind.ToString(), facts.Person.Report.Capability) };
        if (facts.Prospect.Value is not { } prospect)
        {
            return Unknown(facts.Prospect.Report, "the visitor is not a prospect in the sequencer", read);
        }

        var active = prospect.SequenceStates.FirstOrDefault(s => s.State == SequenceStateKind.Active);
        read.Add(
            new Fact(
                "prospect.sequence_states",
                string.Join(",", prospect.SequenceStates.Select(s => s.State)),
                facts.Prospect.Report.Capability
            )
        );
        if (active is null)
        {
            return new RuleVerdict(Name, RuleOutcome.NotMatched, "no active sequence", read);
        }

        var sequencer = active.Rep ?? prospect.Owner;
        read.Add(new Fact("sequence_state.rep", sequencer?.Email ?? "", facts.Prospect.Report.Capability));
        return policy.RepByEmail(sequencer?.Email) is { } rep
            ? new RuleVerdict(
                Name,
                RuleOutcome.Matched,
                $"active in sequence {active.SequenceName}, sequenced by {rep.Name}",
                read,
                new RepTarget(rep.Id)
            )
            : new RuleVerdict(
                Name,
                RuleOutcome.NotMatched,
                $"the sequencing rep {sequencer?.Email} is not a rep in the policy",
                read
            );
    }

    private RuleVerdict Unknown(SourceReport report, string notFound, IReadOnlyList<Fact>? read = null) =>
        PolicyLookups.SourceBroken(report)
            ? new RuleVerdict(Name, RuleOutcome.Undecided, PolicyLookups.Unknown(report), read ?? [])
            : new RuleVerdict(Name, RuleOutcome.NotMatched, notFound, read ?? []);
}
