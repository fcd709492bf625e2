using IntegrationHub.Storage.Sql;

namespace IntegrationHub.Storage.Assignment;

/// <summary>
/// Shared round-robin cursors: each pool member's pick count, read and incremented in one
/// transaction (rows locked on PostgreSQL), so instances picking at once stay fair: the member
/// furthest behind their weighted share is picked, ties to the lowest id.
/// </summary>
public sealed class RoundRobinStore(Database database)
{
    public Task<string?> PickAsync(
        string pool,
        IReadOnlyList<(string MemberId, int Weight)> eligible,
        CancellationToken cancellationToken
    )
    {
        var weighted = eligible
            .Where(m => m.Weight > 0)
            .DistinctBy(m => m.MemberId)
            .OrderBy(m => m.MemberId, StringComparer.Ordinal)
            .ToList();
        if (weighted.Count == 0)
        {
            return Task.FromResult<string?>(null);
        }

        return database.InTransactionAsync<string?>(
            async (connection, transaction) =>
            {
                foreach (var (member, _) in weighted)
                {
                    await connection.ExecuteAsync(
                        "INSERT INTO round_robin (pool, member, picks) VALUES (@pool, @member, 0) ON CONFLICT (pool, "
                            + "member) DO NOTHING",
                        transaction,
                        cancellationToken,
                        ("pool", pool),
                        ("member", member)
                    );
                }

                var picks = (
                    await connection.QueryAsync(
                        $"SELECT member, picks FROM round_robin WHERE pool = @pool ORDER BY member{database.ForUpdate}",
                        transaction,
                        r => (Member: r.GetString(0), Picks: r.GetInt64(1)),
                        cancellationToken,
                        ("pool", pool)
                    )
                ).ToDictionary(p => p.Member, p => p.Picks);
                var chosen = weighted.MinBy(m => (picks.GetValueOrDefault(m.MemberId) + 1) / (double)m.Weight).MemberId;
                await connection.ExecuteAsync(
                    "UPDATE round_robin SET picks = picks + 1 WHERE pool = @pool AND member = @member",
                    transaction,
                    cancellationToken,
                    ("pool", pool),
                    ("member", chosen)
                );
                return chosen;
            },
            cancellationToken
        );
    }

    public async Task<IReadOnlyDictionary<string, long>> CountsAsync(string pool, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (
            await connection.QueryAsync(
                "SELECT member, picks FROM round_robin WHERE pool = @pool",
                null,
                r => (r.GetString(0), r.GetInt64(1)),
                cancellationToken,
                ("pool", pool)
            )
        ).ToDictionary(p => p.Item1, p => p.Item2);
    }
}
