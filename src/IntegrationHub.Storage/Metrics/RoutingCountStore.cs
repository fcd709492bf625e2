using IntegrationHub.Storage.Conversations;
using IntegrationHub.Storage.Decisions;
using IntegrationHub.Storage.Sql;

namespace IntegrationHub.Storage.Metrics;

/// <summary>
/// The routing counters (migration 013): incremented in the transaction of the decision or conversation change they
/// count (<see cref="Increments"/>), read back as totals over whole hours. Also the two narrow reads a window's
/// figures still need beside the counters: the decisions of a partial hour at a window's edge, and the offers still
/// open (a visitor still waiting counts with the wait so far, which no counter can hold).
/// </summary>
public sealed class RoutingCountStore(Database database)
{
    /// <summary>
    /// One UPSERT per counter the increments move, their amounts added up first: the hour's, then the day's.
    /// </summary>
    internal static IEnumerable<SqlStatement> Increments(IEnumerable<RoutingCount> counts)
    {
        // In one order on every instance: two batches upserting the same counters lock them in the same order on
        // PostgreSQL, so they queue instead of deadlocking.
        var grouped = counts
            .GroupBy(c => (c.Hour, c.Figure, c.Dimension))
            .OrderBy(g => g.Key.Hour)
            .ThenBy(g => g.Key.Figure, StringComparer.Ordinal)
            .ThenBy(g => g.Key.Dimension, StringComparer.Ordinal)
            .ToList();
        return Upserts(
                "routing_counts",
                "hour_start",
                grouped.Select(g => (g.Key.Hour, g.Key.Figure, g.Key.Dimension, g.Sum(c => c.By)))
            )
            .Concat(
                Upserts(
                    "routing_counts_daily",
                    "day_start",
                    grouped
                        .GroupBy(g => (Day: RoutingCount.DayOf(g.Key.Hour), g.Key.Figure, g.Key.Dimension))
                        .OrderBy(d => d.Key.Day)
                        .ThenBy(d => d.Key.Figure, StringComparer.Ordinal)
                        .ThenBy(d => d.Key.Dimension, StringComparer.Ordinal)
                        .Select(d => (d.Key.Day, d.Key.Figure, d.Key.Dimension, d.Sum(g => g.Sum(c => c.By))))
                )
            );
    }

    private static IEnumerable<SqlStatement> Upserts(
        string table,
        string start,
        IEnumerable<(DateTimeOffset Start, string Figure, string Dimension, long By)> counters
    ) =>
        counters.Select(c => new SqlStatement(
            $"INSERT INTO {table} ({start}, figure, dimension, tally) VALUES (@start, @figure, @dimension, @by) ON "
                + $"CONFLICT ({start}, figure, dimension) DO UPDATE SET tally = {table}.tally + excluded.tally",
            ("start", c.Start.Millis()),
            ("figure", c.Figure),
            ("dimension", c.Dimension),
            ("by", c.By)
        ));

    /// <summary>
    /// Every counter's total over the hours starting in [from, to) (whole hours): the whole days among them from the
    /// daily counters, the rest hour by hour.
    /// </summary>
    public async Task<IReadOnlyList<RoutingTotal>> TotalsAsync(
        DateTimeOffset from,
        DateTimeOffset to,
        CancellationToken cancellationToken
    )
    {
        var days = (From: RoutingCount.DayOf(from.AddTicks(TimeSpan.TicksPerDay - 1)), To: RoutingCount.DayOf(to));
        if (days.From >= days.To)
        {
            days = (to, to);
        }

        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QueryAsync(
            "SELECT figure, dimension, CAST(SUM(tally) AS BIGINT) FROM (SELECT figure, dimension, tally FROM "
                + "routing_counts WHERE hour_start >= @from AND hour_start < @dayFrom UNION ALL SELECT figure, "
                + "dimension, tally FROM routing_counts_daily WHERE day_start >= @dayFrom AND day_start < @dayTo "
                + "UNION ALL SELECT figure, dimension, tally FROM routing_counts WHERE hour_start >= @dayTo AND "
                + "hour_start < @to) counted GROUP BY figure, dimension",
            null,
            r => new RoutingTotal(r.GetString(0), r.GetString(1), r.GetInt64(2)),
            cancellationToken,
            ("from", from.Millis()),
            ("to", to.Millis()),
            ("dayFrom", days.From.Millis()),
            ("dayTo", days.To.Millis())
        );
    }

    /// <summary>One figure's counters hour by hour, over the hours starting in [from, to).</summary>
    public async Task<IReadOnlyList<RoutingTotal>> HourlyAsync(
        string figure,
        DateTimeOffset from,
        DateTimeOffset to,
        CancellationToken cancellationToken
    )
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QueryAsync(
            "SELECT dimension, tally, hour_start FROM routing_counts WHERE hour_start >= @from AND hour_start < @to "
                + "AND figure = @figure",
            null,
            r => new RoutingTotal(figure, r.GetString(0), r.GetInt64(1), r.GetInt64(2).Time()),
            cancellationToken,
            ("from", from.Millis()),
            ("to", to.Millis()),
            ("figure", figure)
        );
    }

    /// <summary>
    /// The decisions made in [from, to), each with its conversation if it has one: what a partial hour at the edge of
    /// a window is counted from (at most an hour of decisions each side).
    /// </summary>
    public async Task<IReadOnlyList<(StoredDecision Decision, StoredConversation? Conversation)>> DecidedAsync(
        DateTimeOffset from,
        DateTimeOffset to,
        CancellationToken cancellationToken
    )
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QueryAsync(
            DecidedSql("d.created_at >= @from AND d.created_at < @to"),
            null,
            ReadDecided,
            cancellationToken,
            ("from", from.Millis()),
            ("to", to.Millis())
        );
    }

    /// <summary>
    /// The conversations in <paramref name="state"/> whose decision was made in [from, to), with when it was made.
    /// </summary>
    public async Task<IReadOnlyList<(StoredConversation Conversation, DateTimeOffset DecidedAt)>> InStateAsync(
        string state,
        DateTimeOffset from,
        DateTimeOffset to,
        CancellationToken cancellationToken
    )
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QueryAsync(
            $"SELECT {ConversationStore.ColumnsOf("c")}, d.created_at FROM conversations c JOIN decisions d ON d.id = "
                + "c.decision_id WHERE c.state = @state AND d.created_at >= @from AND d.created_at < @to",
            null,
            r => (ConversationStore.Read(r), r.GetInt64(8).Time()),
            cancellationToken,
            ("state", state),
            ("from", from.Millis()),
            ("to", to.Millis())
        );
    }

    internal static string DecidedSql(string where) =>
        $"SELECT {DecisionStore.Columns.Aliased("d")}, "
        + $"{ConversationStore.ColumnsOf("c")} FROM decisions d LEFT JOIN conversations c ON c.id = d.id WHERE {where}";

    internal static (StoredDecision Decision, StoredConversation? Conversation) ReadDecided(
        System.Data.Common.DbDataReader r
    ) => (DecisionStore.Read(r), r.IsDBNull(8) ? null : ConversationStore.Read(r, 8));
}
