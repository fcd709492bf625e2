using System.Data.Common;
using IntegrationHub.Storage.Sql;

namespace IntegrationHub.Storage.Assignment;

/// <summary>One work counter: a rep's (or a rep-in-a-pool's) leads or chats in one day or week.</summary>
public sealed record WorkCount(string Subject, string Channel, string Period, DateTimeOffset PeriodStart, long Taken);

/// <summary>
/// The work counts caps are checked against, inside a batch of decisions being committed: a subject's counts are read
/// once per batch, work taken is counted in memory so later decisions of the batch see it, and the increments are
/// written with the decisions. Each increment carries the cap it was allowed under and the table refuses a count
/// above it, so a slot another instance took since the read fails this batch instead of overfilling the cap (the
/// writer then decides again, one decision at a time, with the count as it stands).
/// </summary>
public sealed class WorkCountLedger
{
    /// <summary>Counts older than this are never asked for: a week and a day covers every time zone.</summary>
    private static readonly TimeSpan Horizon = TimeSpan.FromDays(8);

    private readonly DbConnection _connection;
    private readonly DbTransaction _transaction;
    private readonly Dictionary<string, Dictionary<(string, string, long), long>> _counts = new(StringComparer.Ordinal);
    private readonly List<(WorkCount Counter, long? Cap)> _taken = [];

    internal WorkCountLedger(DbConnection connection, DbTransaction transaction)
    {
        _connection = connection;
        _transaction = transaction;
    }

    internal int Mark => _taken.Count;

    /// <summary>The work counted so far on the counter (its <see cref="WorkCount.Taken"/> is ignored).</summary>
    public async Task<long> TakenAsync(WorkCount counter, CancellationToken cancellationToken)
    {
        var counts = await SubjectAsync(counter.Subject, counter.PeriodStart, cancellationToken);
        return counts.GetValueOrDefault(Key(counter));
    }

    /// <summary>
    /// Counts one more piece of work on the counter, held to <paramref name="cap"/> when one is given (the store
    /// refuses to go past it).
    /// </summary>
    public async Task TakeAsync(WorkCount counter, long? cap, CancellationToken cancellationToken)
    {
        // Work under no cap needs no read: its increment is written with the batch, and a read of the subject later
        // in the batch adds it (see SubjectAsync). Most work is uncapped, and a read per decision is a round trip per
        // decision on PostgreSQL, one after another inside the batch.
        if (cap is not null || _counts.ContainsKey(counter.Subject))
        {
            var counts = await SubjectAsync(counter.Subject, counter.PeriodStart, cancellationToken);
            counts[Key(counter)] = counts.GetValueOrDefault(Key(counter)) + 1;
        }

        _taken.Add((counter, cap));
    }

    internal void Undo(int mark)
    {
        for (var i = _taken.Count - 1; i >= mark; i--)
        {
            if (_counts.TryGetValue(_taken[i].Counter.Subject, out var counts))
            {
                counts[Key(_taken[i].Counter)]--;
            }
        }

        _taken.RemoveRange(mark, _taken.Count - mark);
    }

    /// <summary>One upsert per counter moved, held to the smallest cap any of its takes was allowed under.</summary>
    internal IEnumerable<SqlStatement> Increments() =>
        _taken
            .GroupBy(t => (t.Counter.Subject, Key(t.Counter)))
            // One lock order on every instance (see RoutingCountStore.Increments).
            .OrderBy(g => g.Key.Subject, StringComparer.Ordinal)
            .ThenBy(g => g.Key.Item2)
            .Select(g =>
            {
                var counter = g.First().Counter;
                return new SqlStatement(
                    "INSERT INTO work_counts (subject, channel, period, period_start, taken, cap) VALUES (@subject, "
                        + "@channel, @period, @start, @taken, @cap) ON CONFLICT (subject, channel, period, "
                        + "period_start) DO UPDATE SET taken = work_counts.taken + excluded.taken, cap = excluded.cap",
                    ("subject", counter.Subject),
                    ("channel", counter.Channel),
                    ("period", counter.Period),
                    ("start", counter.PeriodStart.Millis()),
                    ("taken", (long)g.Count()),
                    ("cap", g.Min(t => t.Cap))
                );
            });

    private static (string, string, long) Key(WorkCount counter) =>
        (counter.Channel, counter.Period, counter.PeriodStart.Millis());

    private async Task<Dictionary<(string, string, long), long>> SubjectAsync(
        string subject,
        DateTimeOffset around,
        CancellationToken ct
    )
    {
        if (_counts.TryGetValue(subject, out var counts))
        {
            return counts;
        }

        var rows = await _connection.QueryAsync(
            "SELECT channel, period, period_start, taken FROM work_counts WHERE subject = @subject AND "
                + "period_start >= @since",
            _transaction,
            r => (Key: (r.GetString(0), r.GetString(1), r.GetInt64(2)), Taken: r.GetInt64(3)),
            ct,
            ("subject", subject),
            ("since", (around - Horizon).Millis())
        );
        counts = rows.ToDictionary(r => r.Key, r => r.Taken);
        // Work this batch took on the subject before its first read, not written yet.
        foreach (var (counter, _) in _taken.Where(t => t.Counter.Subject == subject))
        {
            counts[Key(counter)] = counts.GetValueOrDefault(Key(counter)) + 1;
        }

        _counts[subject] = counts;
        return counts;
    }
}
