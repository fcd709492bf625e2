using IntegrationHub.Routing.Decisions;
using IntegrationHub.Routing.Leads;
using IntegrationHub.Routing.Policy;
using IntegrationHub.Routing.Rules;

namespace IntegrationHub.Routing.Simulation;

/// <summary>A decision reduced to what a policy change is measured in: the rule that decided and who got it.</summary>
internal sealed record ReplayOutcome(string Rule, TargetKind Kind, string? RepId, string Target, string? Sla = null)
{
    public const string NoRule = "(no rule)";

    /// <summary>A lead's outcome with the SLA it arms in its label ("…, SLA 15 min → then …").</summary>
    public static ReplayOutcome Of(string? rule, RoutingTarget target, RoutingPolicy policy, LeadSla? sla)
    {
        var outcome = Of(rule, target, policy);
        return sla is null
            ? outcome
            : outcome with
            {
                Target = $"{outcome.Target}, {sla.Describe(policy)}",
                Sla = $"{sla.Minutes}/{sla.ThenPool}",
            };
    }

    public static ReplayOutcome Of(string? rule, RoutingTarget target, RoutingPolicy policy)
    {
        var name = target.RepName ?? policy.RepById(target.RepId)?.Name ?? target.RepId;
        var label = target.Kind switch
        {
            TargetKind.HumanRep => name ?? "a rep",
            TargetKind.AiRep => $"AI rep {name}",
            TargetKind.MeetingOffer => $"meeting offer with {name}",
            TargetKind.MarketingQueue => "marketing queue",
            TargetKind.Spam => "spam",
            _ => "not routed",
        };
        return new ReplayOutcome(rule ?? NoRule, target.Kind, target.RepId, label);
    }

    /// <summary>
    /// Whether the decision counts as work for <paramref name="repId"/>: a human rep or the AI rep taking it.
    /// </summary>
    public bool Loads(string repId) => Kind is TargetKind.HumanRep or TargetKind.AiRep && RepId == repId;

    public bool SameAs(ReplayOutcome other) =>
        Rule == other.Rule && Kind == other.Kind && RepId == other.RepId && Sla == other.Sla;
}
