using System.Data.Common;
using IntegrationHub.Storage.Sql;

namespace IntegrationHub.Storage.Metrics;

/// <summary>
/// Fills the routing counters from the decisions stored before they existed, inside the transaction of the migration
/// that creates them (so no decision is counted twice or missed: every instance waits for the migration before it
/// decides anything), so an upgraded hub shows the figures it showed before.
/// </summary>
internal static class RoutingCountBackfill
{
    /// <summary>The migration that creates the counters.</summary>
    public const int Version = 13;

    private const int Page = 1000;

    public static async Task<long> RunAsync(
        DbConnection connection,
        DbTransaction transaction,
        IDecisionTally tally,
        CancellationToken ct
    )
    {
        var counts = new List<RoutingCount>();
        var after = "";
        long decisions = 0;
        while (true)
        {
            var page = await connection.QueryAsync(
                RoutingCountStore.DecidedSql("d.id > @after") + " ORDER BY d.id LIMIT @limit",
                transaction,
                RoutingCountStore.ReadDecided,
                ct,
                ("after", after),
                ("limit", Page)
            );
            foreach (var (decision, conversation) in page)
            {
                counts.AddRange(tally.Of(decision, conversation));
            }

            // Added up as it goes, so memory holds the counters, not every increment of every decision.
            counts =
            [
                .. counts
                    .GroupBy(c => (c.Hour, c.Figure, c.Dimension))
                    .Select(g => new RoutingCount(g.Key.Figure, g.Key.Dimension, g.Key.Hour, g.Sum(c => c.By))),
            ];
            decisions += page.Count;
            if (page.Count < Page)
            {
                break;
            }

            after = page[^1].Decision.Id;
        }

        foreach (var chunk in RoutingCountStore.Increments(counts).Chunk(Page))
        {
            await SqlStatement.ExecuteAllAsync(connection, transaction, chunk, ct);
        }

        return decisions;
    }
}
