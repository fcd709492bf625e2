using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace IntegrationHub.Storage.Sql;

/// <summary>
/// Copies SQLite's write-ahead log back into the database file every second, on a connection of its own. Left to
/// SQLite, the checkpoint runs inside the commit that crosses the log's threshold: the decision writer then stops to
/// write a thousand pages and wait for the disk while every caller of its next batch waits behind it (RouteVisitor
/// gained a tenth without those stalls). A passive checkpoint waits for no reader and no writer; SQLite starts the log
/// over once it has all been copied back. Nothing to do on PostgreSQL.
/// </summary>
internal sealed partial class SqliteCheckpoints(Database database, ILogger<SqliteCheckpoints> logger)
    : BackgroundService
{
    /// <summary>Machine time: the log grows with the disk's writes, not with the business clock.</summary>
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(1);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (database.IsPostgres)
        {
            return;
        }

        using var timer = new PeriodicTimer(Interval, TimeProvider.System);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                await CheckpointAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // The hub is stopping; SQLite checkpoints what is left when its last connection closes.
        }
    }

    private async Task CheckpointAsync(CancellationToken ct)
    {
        try
        {
            await using var connection = await database.OpenAsync(ct);
            await using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
            await command.ExecuteNonQueryAsync(ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // A missed checkpoint costs only a longer log; SQLite's own threshold is the backstop.
            LogCheckpointFailed(logger, ex.Message);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "SQLite checkpoint failed: {Reason}; trying again in a second")]
    private static partial void LogCheckpointFailed(ILogger logger, string reason);
}
