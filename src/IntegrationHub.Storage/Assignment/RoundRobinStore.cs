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
        var weighted = Weighted(eligible);
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
                var chosen = Choose(weighted, picks);
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

    /// <summary>The members that can be picked, each once, in id order (so ties go to the lowest id).</summary>
    internal static List<(string MemberId, int Weight)> Weighted(
        IReadOnlyList<(string MemberId, int Weight)> eligible
    ) =>
        eligible
            .Where(m => m.Weight > 0)
            .DistinctBy(m => m.MemberId)
            .OrderBy(m => m.MemberId, StringComparer.Ordinal)
            .ToList();

    /// <summary>The member furthest behind their weighted share after one more pick.</summary>
    internal static string Choose(
        List<(string MemberId, int Weight)> weighted,
        IReadOnlyDictionary<string, long> picks
    ) => weighted.MinBy(m => (picks.GetValueOrDefault(m.MemberId) + 1) / (double)m.Weight).MemberId;

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
