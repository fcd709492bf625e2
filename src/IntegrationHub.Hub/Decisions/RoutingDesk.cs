using IntegrationHub.Hub.Caps;
using IntegrationHub.Hub.Conversations;
using IntegrationHub.Hub.Leads;
using IntegrationHub.Hub.RoutingEvents;
using IntegrationHub.Routing;
using IntegrationHub.Routing.Assignment;
using IntegrationHub.Routing.Decisions;
using IntegrationHub.Routing.Facts;
using IntegrationHub.Routing.Leads;
using IntegrationHub.Routing.Policy;
using IntegrationHub.Storage.Decisions;
using IntegrationHub.Storage.Outbox;

namespace IntegrationHub.Hub.Decisions;

/// <summary>A visitor decision as committed, with the conversation it opened (none for a repeat).</summary>
public sealed record RoutedVisitor(RecordOutcome Outcome, VisitorDecision? Made, Opening? Opened);

/// <summary>
/// Where a visitor or a lead is routed and the decision made durable in one write: facts and presence are gathered
/// first, out here (vendor calls, in parallel with other callers), then the decision is made on the
/// <see cref="DecisionWriter"/> inside its batch's transaction, so its round-robin pick, the decision, its side
/// effects, the conversation with its offer and the accept timer are committed together, with the decisions of
/// every other caller of that moment.
/// </summary>
public sealed class RoutingDesk(
    FactGatherer visitorFacts,
    LeadFactGatherer leadFacts,
    IRepPresence presence,
    DecisionWriter writer,
    ConversationFlow conversations,
    RoutingEventFactory events,
    TimeProvider time
)
{
    public async Task<RoutedVisitor> RouteVisitorAsync(
        VisitorRequest visitor,
        RoutingPolicy policy,
        string fingerprint,
        CancellationToken cancellationToken
    )
    {
        var facts = await visitorFacts.GatherAsync(visitor, policy, cancellationToken);
        var statuses = await presence.GetAllAsync(cancellationToken);
        VisitorDecision? made = null;
        Opening? opened = null;
        var outcome = await writer.CommitAsync(
            DecisionJson.VisitorKind,
            visitor.RequestId,
            async (ledger, ct) =>
            {
                var now = time.GetUtcNow();
                made = await VisitorRouter.DecideAsync(facts, statuses, policy, now, new LedgerRoundRobin(ledger), ct);
                opened = conversations.Plan(made);
                await WorkCounts.TakeAsync(ledger.Work, policy, made.Target, WorkChannel.Chat, now, ct);
                return new DecisionWrite(
                    made.ToStored(fingerprint),
                    Alerts(made, now),
                    opened?.Stored,
                    opened?.Timer,
                    [events.DecisionMade(made, opened?.Conversation.Id)],
                    DecisionTally.Of(made)
                );
            },
            cancellationToken
        );
        return outcome.Recorded ? new RoutedVisitor(outcome, made, opened) : new RoutedVisitor(outcome, null, null);
    }

    /// <summary>
    /// Routes a lead. The CRM's facts are asked for only when a rule reads them: a first pass with a throwaway round
    /// robin finds out (and gathers them), the pass on the writer decides with the facts gathered and the shared round
    /// robin. That pass is the decision, timed as a visitor's is, when it is made: after its facts, not before the
    /// vendor calls (its SLA's clock and its caps' day start then). Only rules that read the CRM's facts read the
    /// time, so a lead the first pass decided without them is decided without them again.
    /// </summary>
    public async Task<(RecordOutcome Outcome, LeadDecision? Made)> RouteLeadAsync(
        LeadSubmission lead,
        RoutingPolicy policy,
        string fingerprint,
        CancellationToken cancellationToken
    )
    {
        LeadFacts? facts = null;
        await LeadRouter.DecideAsync(
            lead,
            policy,
            time.GetUtcNow(),
            async ct => facts = await leadFacts.GatherAsync(lead, policy, ct),
            new InMemoryRoundRobin(),
            cancellationToken
        );
        LeadDecision? made = null;
        var outcome = await writer.CommitAsync(
            DecisionJson.LeadKind,
            lead.RequestId,
            async (ledger, ct) =>
            {
                var now = time.GetUtcNow();
                made = await LeadRouter.DecideAsync(
                    lead,
                    policy,
                    now,
                    _ =>
                        Task.FromResult(
                            facts ?? throw new InvalidOperationException("the CRM's facts were not gathered")
                        ),
                    new LedgerRoundRobin(ledger),
                    ct
                );
                await WorkCounts.TakeAsync(ledger.Work, policy, made.Target, WorkChannel.Lead, now, ct);
                // The SLA's timer commits with the decision: no routed lead without it, no timer without a decision.
                return new DecisionWrite(
                    made.ToStored(fingerprint),
                    made.ToOutbox(now),
                    Timer: LeadSlaTimer.For(made),
                    Events: [events.DecisionMade(made)],
                    Counts: DecisionTally.Of(made)
                );
            },
            cancellationToken
        );
        return (outcome, outcome.Recorded ? made : null);
    }

    /// <summary>
    /// Click-through and pounce alerts, delivered through the outbox with the decision, urgent: the visitor is on
    /// the page now.
    /// </summary>
    private static List<NewEffect> Alerts(VisitorDecision decision, DateTimeOffset now) =>
        [
            .. decision.Explanation.Notifications.Select(n => new NewEffect(
                NotifyEffectHandler.Type,
                $"{decision.RequestId}/notify/{n.Reason}/{n.RecipientId}",
                new RepAlert(
                    "",
                    n.RecipientId,
                    n.Reason == "pounce" ? AlertKind.Pounce : AlertKind.ClickThrough,
                    decision.Id,
                    decision.Id,
                    n.Reason == "pounce"
                        ? "A visitor from your Actively Working account is on the site"
                        : "A prospect clicked through from your sequence email and is on the site",
                    now
                ).ToJson(),
                EffectPriority.Urgent
            )),
        ];
}
