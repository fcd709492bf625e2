using System.Collections.Concurrent;

namespace IntegrationHub.Storage.Sql;

/// <summary>
/// SQLite has one writer per file. When two connections of this process want to write at once, SQLite's busy
/// handler puts the loser to sleep and lets it poll (sleeps growing to 100 ms), so a batch of decisions could wait
/// out a sleep long after the lock was free again. The writers of one process take turns here instead, each woken
/// the moment the one before it is done. The busy timeout stays as the guard against other processes on the file,
/// and a turn not given within that timeout is taken anyway, so a writer that waits on itself fails as before
/// (SQLite's busy error) instead of hanging.
/// </summary>
internal static class SqliteWriterTurn
{
    /// <summary>As long as SQLite's own busy timeout (see <see cref="Database"/>).</summary>
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(10);

    private static readonly ConcurrentDictionary<string, SemaphoreSlim> Turns = new(StringComparer.Ordinal);

    public static async Task<Turn> TakeAsync(string connectionString, CancellationToken cancellationToken)
    {
        var turn = Turns.GetOrAdd(connectionString, _ => new SemaphoreSlim(1, 1));
        return await turn.WaitAsync(Patience, cancellationToken) ? new Turn(turn) : default;
    }

    /// <summary>A writer's turn, given back on dispose (a no-op when it was not given in time).</summary>
    public readonly struct Turn(SemaphoreSlim? taken) : IDisposable
    {
        public void Dispose() => taken?.Release();
    }
}
