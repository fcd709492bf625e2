using System.Reflection;
using IntegrationHub.Storage.Sql;
using Microsoft.Extensions.Logging;

namespace IntegrationHub.Storage.Migrations;

/// <summary>
/// Applies the numbered SQL scripts embedded here, in order, each once, recording them in
/// schema_migrations. Two instances starting together on PostgreSQL take an advisory lock, so
/// one migrates and the other finds the work done. A migration that needs the hub's own reading of stored rows
/// (filling the routing counters, 013) runs that step in the same transaction, when the hub supplies it.
/// </summary>
public sealed partial class SchemaMigrator(
    Database database,
    TimeProvider time,
    ILogger<SchemaMigrator> logger,
    Metrics.IDecisionTally? tally = null
)
{
    private const long AdvisoryLock = 0x1A7E_4B0B;

    public static IReadOnlyList<(int Version, string Name, string Sql)> Scripts { get; } = LoadScripts();

    public async Task<int> MigrateAsync(CancellationToken cancellationToken) =>
        await database.InTransactionAsync(
            async (connection, transaction) =>
            {
                if (database.IsPostgres)
                {
                    await connection.ExecuteAsync(
                        $"SELECT pg_advisory_xact_lock({AdvisoryLock})",
                        transaction,
                        cancellationToken
                    );
                }

                await connection.ExecuteAsync(
                    "CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, "
                        + "applied_at BIGINT NOT NULL)",
                    transaction,
                    cancellationToken
                );
                var applied = (
                    await connection.QueryAsync(
                        "SELECT version FROM schema_migrations",
                        transaction,
                        r => r.GetInt32(0),
                        cancellationToken
                    )
                ).ToHashSet();
                var count = 0;
                foreach (var (version, name, sql) in Scripts.Where(s => !applied.Contains(s.Version)))
                {
                    foreach (
                        var statement in sql.Split(
                            ';',
                            StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries
                        )
                    )
                    {
                        await connection.ExecuteAsync(statement, transaction, cancellationToken);
                    }

                    if (version == Metrics.RoutingCountBackfill.Version && tally is not null)
                    {
                        var counted = await Metrics.RoutingCountBackfill.RunAsync(
                            connection,
                            transaction,
                            tally,
                            cancellationToken
                        );
                        LogBackfilled(logger, counted);
                    }

                    await connection.ExecuteAsync(
                        "INSERT INTO schema_migrations (version, name, applied_at) VALUES (@v, @n, @t)",
                        transaction,
                        cancellationToken,
                        ("v", version),
                        ("n", name),
                        ("t", time.GetUtcNow().Millis())
                    );
                    LogApplied(logger, version, name);
                    count++;
                }

                return count;
            },
            cancellationToken
        );

    private static List<(int, string, string)> LoadScripts()
    {
        var assembly = Assembly.GetExecutingAssembly();
        return
        [
            .. assembly
                .GetManifestResourceNames()
                .Where(n => n.EndsWith(".sql", StringComparison.Ordinal))
                .Select(n =>
                {
                    // Resource names of files starting with a digit get a leading underscore.
                    var file = n.Split('.')[^2].TrimStart('_');
                    using var stream = assembly.GetManifestResourceStream(n)!;
                    using var reader = new StreamReader(stream);
                    return (
                        int.Parse(file.Split('_')[0], System.Globalization.CultureInfo.InvariantCulture),
                        file,
                        reader.ReadToEnd()
                    );
                })
                .OrderBy(s => s.Item1),
        ];
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Routing counters filled from {Count} stored decisions")]
    private static partial void LogBackfilled(ILogger logger, long count);

    [LoggerMessage(Level = LogLevel.Information, Message = "Applied schema migration {Version} ({Name})")]
    private static partial void LogApplied(ILogger logger, int version, string name);
}
