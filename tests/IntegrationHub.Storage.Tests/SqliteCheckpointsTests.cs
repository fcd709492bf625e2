using IntegrationHub.Storage.Sql;
using Microsoft.Extensions.Logging.Abstractions;

namespace IntegrationHub.Storage.Tests;

/// <summary>
/// What the hub writes to SQLite is copied from the write-ahead log into the database file by the hub's own
/// checkpoints, within seconds, not left for the writer that crosses SQLite's threshold to do (and stall its batch).
/// Real time: the checkpoints run on the machine's clock.
/// </summary>
public sealed class SqliteCheckpointsTests
{
    private const int Megabyte = 1024 * 1024;

    [Fact]
    public async Task Rows_written_reach_the_database_file_within_seconds_without_a_writer_stopping_to_copy_them()
    {
        var world = await StorageWorld.CreateAsync(StorageProvider.Sqlite);
        var file = new FileInfo(world.SqlitePath!);
        var before = file.Length;

        // 2 MB of rows, about 500 pages: far below the log SQLite's own checkpoint waits for (10,000 pages).
        await world.Database.InTransactionAsync(
            async (connection, transaction) =>
            {
                await connection.ExecuteAsync("CREATE TABLE filler (x TEXT)", transaction, CancellationToken.None);
                for (var i = 0; i < 512; i++)
                {
                    await connection.ExecuteAsync(
                        "INSERT INTO filler (x) VALUES (@x)",
                        transaction,
                        CancellationToken.None,
                        ("x", new string('r', 4000))
                    );
                }

                return 0;
            },
            CancellationToken.None
        );
        file.Refresh();
        Assert.True(file.Length < before + Megabyte, "without checkpoints the rows wait in the log");

        using var checkpoints = new SqliteCheckpoints(world.Database, NullLogger<SqliteCheckpoints>.Instance);
        await checkpoints.StartAsync(CancellationToken.None);
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (file.Length < before + (2 * Megabyte) && waited.Elapsed < TimeSpan.FromSeconds(15))
        {
            await Task.Delay(100);
            file.Refresh();
        }

        await checkpoints.StopAsync(CancellationToken.None);
        Assert.True(
            file.Length >= before + (2 * Megabyte),
            $"the database file grew by {(file.Length - before) / Megabyte} MB in 15 s, not the 2 MB written"
        );
    }
}
