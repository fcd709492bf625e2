using System.Data.Common;
using IntegrationHub.Storage.Sql;

namespace IntegrationHub.Storage.Assignment;

/// <summary>
/// Round-robin picks taken inside a batch of decisions being committed: each pool's counts are read
/// once per batch (rows locked on PostgreSQL, so other instances wait for this batch), picks are
/// counted in memory so later decisions of the same batch see them, and the increments are written
/// with the decisions, in the same transaction. A pick is as fair as <see cref="RoundRobinStore.PickAsync"/>'s.
/// </summary>
public sealed class RoundRobinLedger
{
    private readonly DbConnection _connection;
    private readonly DbTransaction _transaction;
    private readonly Database _database;
    private readonly Dictionary<string, Dictionary<string, long>> _counts = new(StringComparer.Ordinal);
    private readonly List<(string Pool, string Member)> _picks = [];

    internal RoundRobinLedger(Database database, DbConnection connection, DbTransaction transaction)
    {
        _database = database;
        _connection = connection;
        _transaction = transaction;
        Work = new WorkCountLedger(connection, transaction);
    }

    /// <summary>The work counts of the same batch, which caps are checked against and decisions move.</summary>
    public WorkCountLedger Work { get; }

    /// <summary>The picks and work taken so far; what <see cref="Undo"/> returns to.</summary>
    internal (int Picks, int Work) Mark => (_picks.Count, Work.Mark);

    /// <summary>
    /// Takes a pick from <paramref name="pool"/>: the eligible member furthest behind their weighted share, ties to
    /// the lowest id; null when no member has a weight above zero.
    /// </summary>
    public async Task<string?> PickAsync(
        string pool,
        IReadOnlyList<(string MemberId, int Weight)> eligible,
        CancellationToken cancellationToken
    )
    {
        var weighted = RoundRobinStore.Weighted(eligible);
        if (weighted.Count == 0)
        {
            return null;
        }

        if (!_counts.TryGetValue(pool, out var counts) || weighted.Any(m => !counts.ContainsKey(m.MemberId)))
        {
            counts = await LoadAsync(pool, weighted, cancellationToken);
            _counts[pool] = counts;
        }

        var chosen = RoundRobinStore.Choose(weighted, counts);
        counts[chosen] = counts.GetValueOrDefault(chosen) + 1;
        _picks.Add((pool, chosen));
        return chosen;
    }

    /// <summary>
    /// The pool's counts, locked on PostgreSQL, with a row for every eligible member (made when missing, then read
    /// again, so two instances picking from a new pool at once queue on the same rows), plus this batch's picks not
    /// yet written.
    /// </summary>
    private async Task<Dictionary<string, long>> LoadAsync(
        string pool,
        List<(string MemberId, int Weight)> weighted,
        CancellationToken ct
    )
    {
        var counts = await CountsAsync(pool, ct);
        var missing = weighted.Where(m => !counts.ContainsKey(m.MemberId)).ToList();
        if (missing.Count > 0)
        {
            // Only a member new to the pool needs its row made (most batches find every row there already).
            var statements = missing
                .Select(m => new SqlStatement(
                    "INSERT INTO round_robin (pool, member, picks) VALUES (@pool, @member, 0) ON CONFLICT (pool, "
                        + "member) DO NOTHING",
                    ("pool", pool),
                    ("member", m.MemberId)
                ))
                .ToList();
            await SqlStatement.ExecuteAllAsync(_connection, _transaction, statements, ct);
            counts = await CountsAsync(pool, ct);
        }

        foreach (var (_, member) in _picks.Where(p => p.Pool == pool))
        {
            counts[member] = counts.GetValueOrDefault(member) + 1;
        }

        return counts;
    }

    private async Task<Dictionary<string, long>> CountsAsync(string pool, CancellationToken ct) =>
        (
            await _connection.QueryAsync(
                $"SELECT member, picks FROM round_robin WHERE pool = @pool ORDER BY member{_database.ForUpdate}",
                _transaction,
                r => (Member: r.GetString(0), Picks: r.GetInt64(1)),
                ct,
                ("pool", pool)
            )
        ).ToDictionary(p => p.Member, p => p.Picks, StringComparer.Ordinal);

    /// <summary>Forgets the picks taken after <paramref name="mark"/> (by a decision that could not be made).</summary>
    internal void Undo((int Picks, int Work) mark)
    {
        for (var i = _picks.Count - 1; i >= mark.Picks; i--)
        {
            var (pool, member) = _picks[i];
            _counts[pool][member]--;
        }

        _picks.RemoveRange(mark.Picks, _picks.Count - mark.Picks);
        Work.Undo(mark.Work);
    }

    /// <summary>
    /// The increments to write: one per member picked (its row exists: it was loaded to be picked), then the work
    /// counts the batch's decisions moved.
    /// </summary>
    internal IEnumerable<SqlStatement> Increments() =>
        _picks
            .GroupBy(p => p)
            .Select(g => new SqlStatement(
                "UPDATE round_robin SET picks = picks + @picks WHERE pool = @pool AND member = @member",
                ("pool", g.Key.Pool),
                ("member", g.Key.Member),
                ("picks", (long)g.Count())
            ))
            .Concat(Work.Increments());
}
