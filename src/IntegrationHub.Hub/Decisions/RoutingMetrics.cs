using IntegrationHub.Hub.Conversations;
using IntegrationHub.Storage.Metrics;
using IntegrationHub.Storage.Presence;

namespace IntegrationHub.Hub.Decisions;

/// <summary>
/// The figures of DOMAIN.md's last section for a window, with how offers ended, each rep's load and the decisions of
/// each hour by rule.
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
)
{
    /// <summary>Offers by how they ended: "accepted", "declined", "expired".</summary>
    public IReadOnlyDictionary<string, long> Offers { get; init; } = new Dictionary<string, long>();

    /// <summary>Decisions that chose each human rep, reps with none left out.</summary>
    public IReadOnlyList<(string RepId, long Decisions)> RepDecisions { get; init; } = [];

    /// <summary>Decisions per UTC hour by the rule that matched ("" for none), hours without any left out.</summary>
    public IReadOnlyList<(DateTimeOffset Hour, string Rule, long Decisions)> DecisionsPerHour { get; init; } = [];
}

/// <summary>
/// Computes a window's figures from the routing counters kept with every decision and offer answer (an hour's grain,
/// see <see cref="DecisionTally"/>), not by walking the window's decisions. The whole hours of the window are summed
/// from the counters; a partial hour at an edge is counted from that part's own decisions by the same rule (at most
/// an hour each side, none at all for a window from a whole hour up to now, as the dashboard's is); the offers still
/// open are read live, since a visitor still waiting counts with the wait so far.
/// </summary>
public sealed class RoutingMetrics(
    RoutingCountStore counters,
    DecisionTally tally,
    PresenceStore presence,
    PolicyProvider policies,
    TimeProvider time
)
{
    private static readonly long Grain = RoutingCount.Grain.Ticks;

    /// <summary>
    /// The figures of the decisions made in [<paramref name="from"/>, <paramref name="to"/>); a window reaching
    /// into the future ends now (time that has not happened yet is nobody's availability).
    /// </summary>
    public async Task<RoutingFigures> ComputeAsync(
        DateTimeOffset from,
        DateTimeOffset to,
        CancellationToken cancellationToken
    )
    {
        var now = time.GetUtcNow();
        var end = to < now ? to : now;
        end = end < from ? from : end;
        // Nothing is decided after now, so a window up to now takes its last hour whole from the counters.
        var decidedUntil = to >= now ? Ceiling(end) : end;
        var first = Ceiling(from);
        var last = Floor(decidedUntil);
        var counted = new List<RoutingTotal>();
        if (first < last)
        {
            counted.AddRange(await counters.TotalsAsync(first, last, cancellationToken));
            counted.AddRange(await counters.HourlyAsync(DecisionTally.Decisions, first, last, cancellationToken));
            counted.AddRange(await EdgeAsync(from, first, cancellationToken));
            counted.AddRange(await EdgeAsync(last, decidedUntil, cancellationToken));
        }
        else
        {
            counted.AddRange(await EdgeAsync(from, decidedUntil, cancellationToken));
        }

        long Sum(string figure) => counted.Where(c => c.Hour is null && c.Figure == figure).Sum(c => c.Count);
        var waits = new WaitTimeDistribution();
        foreach (var range in counted.Where(c => c.Hour is null && c.Figure == DecisionTally.Wait))
        {
            waits.Add(range.Dimension, range.Count, 0);
        }

        foreach (var range in counted.Where(c => c.Hour is null && c.Figure == DecisionTally.WaitAccepted))
        {
            waits.Add(range.Dimension, 0, range.Count);
        }

        var open = await counters.InStateAsync(
            nameof(ConversationState.Offered),
            from,
            decidedUntil,
            cancellationToken
        );
        foreach (var (conversation, decidedAt) in open)
        {
            waits.Add(WaitTimeDistribution.WaitOf(Conversation.FromStored(conversation), decidedAt, now), false);
        }

        var waited = Sum(DecisionTally.Waited);
        var talked = Sum(DecisionTally.WaitAccepted);
        return new RoutingFigures(
            Sum(DecisionTally.Pounce),
            Sum(DecisionTally.PounceWon),
            waited,
            talked,
            waited - talked,
            await AvailabilityAsync(from, end, cancellationToken),
            waits.Counts()
        )
        {
            Offers = new[] { DecisionTally.Accepted, DecisionTally.Declined, DecisionTally.Expired }.ToDictionary(
                outcome => outcome,
                outcome => Sum(DecisionTally.OfferPrefix + outcome)
            ),
            RepDecisions =
            [
                .. counted
                    .Where(c => c.Hour is null && c.Figure == DecisionTally.Chosen)
                    .GroupBy(c => c.Dimension, StringComparer.Ordinal)
                    .Select(g => (g.Key, g.Sum(c => c.Count)))
                    .OrderBy(r => r.Key, StringComparer.Ordinal),
            ],
            DecisionsPerHour =
            [
                .. counted
                    .Where(c => c.Hour is not null)
                    .GroupBy(c => (Hour: c.Hour!.Value, Rule: c.Dimension))
                    .Select(g => (g.Key.Hour, g.Key.Rule, g.Sum(c => c.Count)))
                    .OrderBy(h => h.Hour)
                    .ThenBy(h => h.Rule, StringComparer.Ordinal),
            ],
        };
    }

    /// <summary>
    /// The counts of the decisions made in a partial hour at the window's edge, by the rule the counters follow: as
    /// totals, and the decisions figure per hour as the counters give it too.
    /// </summary>
    private async Task<IEnumerable<RoutingTotal>> EdgeAsync(
        DateTimeOffset from,
        DateTimeOffset to,
        CancellationToken cancellationToken
    )
    {
        if (from >= to)
        {
            return [];
        }

        var counts = (await counters.DecidedAsync(from, to, cancellationToken))
            .SelectMany(d => tally.Of(d.Decision, d.Conversation))
            .ToList();
        return counts
            .Select(c => new RoutingTotal(c.Figure, c.Dimension, c.By))
            .Concat(
                counts
                    .Where(c => c.Figure == DecisionTally.Decisions)
                    .Select(c => new RoutingTotal(c.Figure, c.Dimension, c.By, c.Hour))
            );
    }

    /// <summary>Every rep of the policy is listed, one never available with zero, so a manager sees the gaps.</summary>
    private async Task<
        IReadOnlyList<(string, TimeSpan, IReadOnlyList<(DateTimeOffset, DateTimeOffset)>)>
    > AvailabilityAsync(DateTimeOffset from, DateTimeOffset to, CancellationToken cancellationToken)
    {
        var available = (await presence.IntervalsAsync(from, to, cancellationToken))
            .Where(i => i.Status == "available")
            .ToLookup(i => i.RepId);
        return
        [
            .. policies
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
                ),
        ];
    }

    private static DateTimeOffset Floor(DateTimeOffset t) => RoutingCount.HourOf(t);

    private static DateTimeOffset Ceiling(DateTimeOffset t) =>
        t.UtcTicks % Grain == 0 ? t.ToUniversalTime() : Floor(t).AddTicks(Grain);
}
