using IntegrationHub.Hub.Conversations;
using IntegrationHub.Routing.Decisions;
using IntegrationHub.Storage.Conversations;
using IntegrationHub.Storage.Decisions;
using IntegrationHub.Storage.Presence;

namespace IntegrationHub.Hub.Decisions;

/// <summary>
/// The figures of DOMAIN.md's last section for a window, computed from stored decisions, conversations and presence.
/// </summary>
public sealed record RoutingFigures(
    long RoutedForPounce,
    long SuccessfulPounces,
    long Waited,
    long WaitedWithConversation,
    long WaitedWithoutConversation,
    IReadOnlyList<(
        string RepId,
        TimeSpan Available,
        IReadOnlyList<(DateTimeOffset Start, DateTimeOffset End)> Spans
    )> Availability,
    IReadOnlyList<WaitTimeCount> WaitTimes
);

public sealed class RoutingMetrics(
    DecisionStore decisions,
    ConversationStore conversations,
    PresenceStore presence,
    PolicyProvider policies,
    TimeProvider time
)
{
    public async Task<RoutingFigures> ComputeAsync(
        DateTimeOffset from,
        DateTimeOffset to,
        CancellationToken cancellationToken
    )
    {
        long pounce = 0,
            pounceWon = 0,
            waited = 0,
            talked = 0;
        var waits = new WaitTimeDistribution();
        string? token = null;
        do
        {
            var page = await decisions.ListAsync(
                new DecisionQuery(from, to, PageSize: 500, PageToken: token),
                cancellationToken
            );
            foreach (var stored in page.Decisions.Where(d => d.Kind == DecisionJson.VisitorKind))
            {
                var decision = stored.Visitor();
                var conversation = await conversations.GetAsync(stored.Id, cancellationToken) is { } c
                    ? Conversation.FromStored(c)
                    : null;
                var accepted = conversation?.State == ConversationState.Accepted;
                var bdr = decision.Explanation.Notifications.FirstOrDefault(n => n.Reason == "pounce")?.RecipientId;
                if (bdr is not null)
                {
                    pounce++;
                    pounceWon += accepted && conversation!.RepId == bdr ? 1 : 0;
                }

                // A visitor waited for a rep when a human was offered the chat.
                if (decision.Target.Kind == TargetKind.HumanRep)
                {
                    waited++;
                    talked += accepted ? 1 : 0;
                    if (conversation is not null)
                    {
                        waits.Add(
                            WaitTimeDistribution.WaitOf(conversation, stored.CreatedAt, time.GetUtcNow()),
                            accepted
                        );
                    }
                }
            }

            token = page.NextPageToken;
        } while (token is not null);

        // Every rep of the policy is listed, a rep never available with zero, so a manager sees the gaps too.
        var available = (await presence.IntervalsAsync(from, to, cancellationToken))
            .Where(i => i.Status == "available")
            .ToLookup(i => i.RepId);
        var spans = policies
            .Current.Reps.Select(r => r.Id)
            .Union(available.Select(g => g.Key))
            .Order(StringComparer.Ordinal)
            .Select(rep =>
                (
                    rep,
                    TimeSpan.FromTicks(available[rep].Sum(i => (i.End!.Value - i.Start).Ticks)),
                    (IReadOnlyList<(DateTimeOffset, DateTimeOffset)>)
                        [.. available[rep].Select(i => (i.Start, i.End!.Value))]
                )
            )
            .ToList();
        return new RoutingFigures(pounce, pounceWon, waited, talked, waited - talked, spans, waits.Counts());
    }
}
