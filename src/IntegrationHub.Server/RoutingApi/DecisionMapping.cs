using Google.Protobuf.WellKnownTypes;
using IntegrationHub.Hub.Decisions;
using IntegrationHub.Routing.Decisions;
using IntegrationHub.Routing.Leads;
using IntegrationHub.Storage.Decisions;
using Contract = IntegrationHub.Contracts.Routing.V1;

namespace IntegrationHub.Server.RoutingApi;

/// <summary>Domain decisions → the routing contract's Decision message.</summary>
public static class DecisionMapping
{
    public static Contract.Decision ToContract(this VisitorDecision decision, string? conversationId) =>
        Build(
                decision.Id,
                Contract.DecisionKind.Visitor,
                decision.RequestId,
                decision.CreatedAt,
                decision.Target,
                decision.MatchedRule,
                decision.Explanation,
                decision.Degraded,
                conversationId
            )
            .WithPolicyVersion(decision.PolicyVersion);

    public static Contract.Decision ToContract(this LeadDecision decision) =>
        Build(
                decision.Id,
                Contract.DecisionKind.Lead,
                decision.RequestId,
                decision.CreatedAt,
                decision.Target,
                decision.MatchedRule,
                decision.Explanation,
                decision.Degraded,
                conversationId: null
            )
            .WithPolicyVersion(decision.PolicyVersion);

    private static Contract.Decision WithPolicyVersion(this Contract.Decision decision, long version)
    {
        decision.PolicyVersion = version;
        return decision;
    }

    private static Contract.Decision Build(
        string id,
        Contract.DecisionKind kind,
        string requestId,
        DateTimeOffset at,
        RoutingTarget target,
        string? matchedRule,
        Explanation explanation,
        bool degraded,
        string? conversationId
    )
    {
        var contract = new Contract.Decision
        {
            Id = id,
            Kind = kind,
            RequestId = requestId,
            CreateTime = Timestamp.FromDateTimeOffset(at),
            Target = new Contract.RoutingTarget
            {
                Kind = Map(target.Kind),
                RepId = target.RepId ?? "",
                RepName = target.RepName ?? "",
                Pool = target.Pool ?? "",
                Sequence = target.Sequence ?? "",
            },
            MatchedRule = matchedRule ?? "",
            ConversationId = conversationId ?? "",
            Degraded = degraded,
            Explanation = new Contract.Explanation(),
        };
        contract.Explanation.Rules.AddRange(
            explanation.Rules.Select(r =>
            {
                var rule = new Contract.RuleEvaluation
                {
                    Rule = r.Rule,
                    Outcome = Map(r.Outcome),
                    Reason = r.Reason,
                };
                rule.Facts.AddRange(
                    r.Facts.Select(f => new Contract.Fact
                    {
                        Name = f.Name,
                        Value = f.Value,
                        Source = f.Source,
                    })
                );
                return rule;
            })
        );
        contract.Explanation.Sources.AddRange(
            explanation.Sources.Select(s => new Contract.SourceReport
            {
                Capability = s.Capability,
                Connector = s.Connector,
                Status = Map(s.Status),
                LatencyMs = (int)Math.Min(int.MaxValue, s.Latency.TotalMilliseconds),
                Error = s.Error ?? "",
                Source = s.Source,
            })
        );
        contract.Explanation.Fallbacks.AddRange(
            explanation.Fallbacks.Select(f => new Contract.FallbackStep { Fallback = f.Fallback, Reason = f.Reason })
        );
        contract.Explanation.Notifications.AddRange(
            explanation.Notifications.Select(n => new Contract.Notification
            {
                RecipientId = n.RecipientId,
                Reason = n.Reason,
            })
        );
        return contract;
    }

    private static Contract.TargetKind Map(TargetKind kind) =>
        kind switch
        {
            TargetKind.HumanRep => Contract.TargetKind.HumanRep,
            TargetKind.AiRep => Contract.TargetKind.AiRep,
            TargetKind.MeetingOffer => Contract.TargetKind.MeetingOffer,
            TargetKind.MarketingQueue => Contract.TargetKind.MarketingQueue,
            TargetKind.Spam => Contract.TargetKind.Spam,
            TargetKind.NotRouted => Contract.TargetKind.NotRouted,
            _ => Contract.TargetKind.Unspecified,
        };

    private static Contract.RuleOutcome Map(IntegrationHub.Routing.Rules.RuleOutcome outcome) =>
        outcome switch
        {
            IntegrationHub.Routing.Rules.RuleOutcome.Matched => Contract.RuleOutcome.Matched,
            IntegrationHub.Routing.Rules.RuleOutcome.NotMatched => Contract.RuleOutcome.NotMatched,
            IntegrationHub.Routing.Rules.RuleOutcome.Skipped => Contract.RuleOutcome.Skipped,
            IntegrationHub.Routing.Rules.RuleOutcome.Undecided => Contract.RuleOutcome.Undecided,
            _ => Contract.RuleOutcome.Unspecified,
        };

    private static Contract.SourceStatus Map(IntegrationHub.Routing.Facts.SourceStatus status) =>
        status switch
        {
            IntegrationHub.Routing.Facts.SourceStatus.Ok => Contract.SourceStatus.Ok,
            IntegrationHub.Routing.Facts.SourceStatus.NotFound => Contract.SourceStatus.NotFound,
            IntegrationHub.Routing.Facts.SourceStatus.Failed => Contract.SourceStatus.Failed,
            IntegrationHub.Routing.Facts.SourceStatus.TimedOut => Contract.SourceStatus.TimedOut,
            IntegrationHub.Routing.Facts.SourceStatus.NotAsked => Contract.SourceStatus.NotAsked,
            _ => Contract.SourceStatus.Unspecified,
        };

    public static Contracts.Routing.V1.Decision ToContract(this StoredDecision stored) =>
        stored.Kind == DecisionJson.VisitorKind ? stored.Visitor().ToContract(stored.Id) : stored.Lead().ToContract();
}
