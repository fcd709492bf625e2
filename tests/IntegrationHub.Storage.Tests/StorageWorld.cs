using IntegrationHub.Sdk.TestKit;
using IntegrationHub.Storage.Migrations;
using IntegrationHub.Storage.Sql;
using IntegrationHub.Testing.Postgres;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace IntegrationHub.Storage.Tests;

/// <summary>A migrated database of one provider, and a clock the test drives.</summary>
public sealed class StorageWorld
{
    private StorageWorld(Database database, Func<Database> another, string? sqlitePath = null)
    {
        SqlitePath = sqlitePath;
        Database = database;
        AnotherConnectionToTheSameDatabase = another;
    }

    public Database Database { get; }

    /// <summary>The SQLite file, for a separate process to open.</summary>
    public string? SqlitePath { get; }

    /// <summary>A second, independent handle on the same database: what another hub instance would have.</summary>
    public Func<Database> AnotherConnectionToTheSameDatabase { get; }

    public FakeTimeProvider Time { get; } = TestClock.Frozen();

    public static async Task<StorageWorld> CreateAsync(StorageProvider provider)
    {
        StorageWorld world;
        if (provider == StorageProvider.PostgreSql)
        {
            var connectionString = PostgresCluster.Shared.CreateDatabase("storage");
            world = new StorageWorld(Database.Postgres(connectionString), () => Database.Postgres(connectionString));
        }
        else
        {
            var path = Path.Combine(Path.GetTempPath(), $"hub-storage-{Guid.NewGuid():N}.db");
            world = new StorageWorld(Database.Sqlite(path), () => Database.Sqlite(path), path);
        }

        await new SchemaMigrator(world.Database, world.Time, NullLogger<SchemaMigrator>.Instance).MigrateAsync(
            CancellationToken.None
        );
        return world;
    }
}
