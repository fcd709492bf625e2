using IntegrationHub.Hub.Conversations;
using IntegrationHub.Hub.Leads;
using IntegrationHub.Routing.Decisions;
using IntegrationHub.Storage.Conversations;
using IntegrationHub.Storage.Decisions;
using IntegrationHub.Storage.Metrics;

namespace IntegrationHub.Hub.Decisions;

/// <summary>
/// Which routing counters a decision and its offer's answer move: the one rule behind every figure of
/// GetRoutingMetrics and the dashboard, applied when a decision is made, when an offer is answered, and to stored
/// decisions (the upgrade's backfill, the partial hours at a window's edges). Every count goes to the hour of its
/// decision, so a window's figures are about the visitors and leads routed in it, whenever their offers were answered.
/// </summary>
public sealed class DecisionTally : IDecisionTally
{
    /// <summary>Every decision, by the rule that matched ("" when none did).</summary>
    public const string Decisions = "decisions";

    /// <summary>Decisions that chose a human rep (the rep's load), by rep.</summary>
    public const string Chosen = "chosen";

    /// <summary>Visitor sessions routed for pouncing (a pounce alert went to the account's BDR).</summary>
    public const string Pounce = "pounce";

    /// <summary>Pounces whose BDR accepted the chat.</summary>
    public const string PounceWon = "pounce_won";

    /// <summary>Visitors offered to a human rep: they waited for one.</summary>
    public const string Waited = "waited";

    /// <summary>Answered offers by how long the visitor waited (named by the range's first second).</summary>
    public const string Wait = "wait";

    /// <summary>Of <see cref="Wait"/>, the offers a rep accepted.</summary>
    public const string WaitAccepted = "wait_accepted";

    /// <summary>How offers ended: "offer_accepted", "offer_declined", "offer_expired".</summary>
    public const string OfferPrefix = "offer_";

    public const string Accepted = "accepted";
    public const string Declined = "declined";
    public const string Expired = "expired";

    /// <summary>What a visitor decision counts when it is made.</summary>
    public static IReadOnlyList<RoutingCount> Of(VisitorDecision decision) =>
        Made(decision.CreatedAt, decision.MatchedRule, decision.Target, PounceRepOf(decision), visitor: true);

    /// <summary>What a lead decision (a lead routed, or reassigned at its SLA) counts when it is made.</summary>
    public static IReadOnlyList<RoutingCount> Of(Routing.Leads.LeadDecision decision) =>
        Made(decision.CreatedAt, decision.MatchedRule, decision.Target, null, visitor: false);

    /// <summary>The BDR alerted to pounce, if the decision alerted one.</summary>
    public static string? PounceRepOf(VisitorDecision decision) =>
        decision.Explanation.Notifications.FirstOrDefault(n => n.Reason == "pounce")?.RecipientId;

    /// <summary>
    /// What an offer's answer counts (<paramref name="answered"/> is the conversation as it leaves the offer, with
    /// its <see cref="Conversation.OfferOutcome"/> and <see cref="Conversation.OfferAnsweredAt"/> set): how it ended,
    /// how long the visitor waited, and a won pounce when the BDR alerted took it.
    /// </summary>
    public static IReadOnlyList<RoutingCount> Answer(Conversation answered, string? pounceRepId)
    {
        var at = answered.CreatedAt;
        var accepted = answered.OfferOutcome == Accepted;
        var range = WaitTimeDistribution.RangeOf(
            WaitTimeDistribution.WaitOf(answered, at, answered.OfferAnsweredAt ?? answered.UpdatedAt)
        );
        List<RoutingCount> counts = [new(OfferPrefix + answered.OfferOutcome, "", at), new(Wait, range, at)];
        if (accepted)
        {
            counts.Add(new(WaitAccepted, range, at));
            if (pounceRepId is not null && answered.RepId == pounceRepId)
            {
                counts.Add(new(PounceWon, "", at));
            }
        }

        return counts;
    }

    public IEnumerable<RoutingCount> Of(StoredDecision decision, StoredConversation? conversation)
    {
        if (decision.Kind != DecisionJson.VisitorKind)
        {
            return Of(decision.Lead());
        }

        var visitor = decision.Visitor();
        var counts = Of(visitor).ToList();
        if (visitor.Target.Kind == TargetKind.HumanRep && conversation is not null)
        {
            var stored = Conversation.FromStored(conversation);
            if (stored.State != ConversationState.Offered)
            {
                counts.AddRange(Answer(AnsweredSoFar(stored), PounceRepOf(visitor)));
            }
        }

        return counts;
    }

    /// <summary>
    /// A conversation stored before offers recorded how they ended: accepted when it is accepted, expired when the
    /// timeout handed it on, otherwise declined (a later meeting booking may have overwritten the reason). Its wait
    /// ends at its last change, as the figures counted it then.
    /// </summary>
    private static Conversation AnsweredSoFar(Conversation stored) =>
        stored.OfferOutcome is not null
            ? stored
            : stored with
            {
                OfferOutcome =
                    stored.State == ConversationState.Accepted ? Accepted
                    : stored.Reason.StartsWith("no answer within", StringComparison.Ordinal) ? Expired
                    : Declined,
            };

    private static List<RoutingCount> Made(
        DateTimeOffset at,
        string? rule,
        RoutingTarget target,
        string? pounceRepId,
        bool visitor
    )
    {
        List<RoutingCount> counts = [new(Decisions, rule ?? "", at)];
        if (target.Kind == TargetKind.HumanRep && target.RepId is not null)
        {
            counts.Add(new(Chosen, target.RepId, at));
        }

        if (visitor && pounceRepId is not null)
        {
            counts.Add(new(Pounce, "", at));
        }

        if (visitor && target.Kind == TargetKind.HumanRep)
        {
            counts.Add(new(Waited, "", at));
        }

        return counts;
    }
}
