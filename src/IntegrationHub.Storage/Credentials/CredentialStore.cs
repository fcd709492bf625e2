using System.Collections.Concurrent;
using System.Data.Common;
using IntegrationHub.Storage.Sql;

namespace IntegrationHub.Storage.Credentials;

/// <summary>
/// Connector credentials the vendor rotates, by connector and name; the last write wins. A
/// connector spends a single-use credential under <see cref="LockAsync"/>: a PostgreSQL
/// advisory lock (every instance on the database waits for it, and a process that dies
/// releases it with its connection), or a lock per database file on SQLite, which serves one
/// hub process at a time.
/// </summary>
public sealed class CredentialStore(Database database, TimeProvider time)
{
    private const string Upsert =
        "INSERT INTO connector_credentials (connector, name, value, updated_at) VALUES (@connector, @name, @value, "
        + "@now) "
        + "ON CONFLICT (connector, name) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at";

    private static readonly ConcurrentDictionary<string, SemaphoreSlim> SqliteLocks = new(StringComparer.Ordinal);

    public async Task<string?> GetAsync(string connector, string name, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (
            await connection.QueryAsync(
                "SELECT value FROM connector_credentials WHERE connector = @connector AND name = @name",
                null,
                r => r.GetString(0),
                cancellationToken,
                ("connector", connector),
                ("name", name)
            )
        ).FirstOrDefault();
    }

    public async Task SetAsync(string connector, string name, string value, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            Upsert,
            null,
            cancellationToken,
            ("connector", connector),
            ("name", name),
            ("value", value),
            ("now", time.GetUtcNow().Millis())
        );
    }

    /// <summary>
    /// Takes the connector's credential lock and reads its credentials under it; dispose the lease to release it.
    /// </summary>
    public async Task<CredentialLease> LockAsync(string connector, CancellationToken cancellationToken)
    {
        if (database.IsPostgres)
        {
            var connection = await database.OpenAsync(cancellationToken);
            DbTransaction? transaction = null;
            try
            {
                // A transaction-scoped lock: released by the commit that stores the new credentials,
                // by the rollback of a lease that stored nothing, or by the server when the process dies.
                transaction = await connection.BeginTransactionAsync(cancellationToken);
                await connection.ExecuteAsync(
                    "SELECT pg_advisory_xact_lock(hashtextextended(@key, 0))",
                    transaction,
                    cancellationToken,
                    ("key", "connector_credentials/" + connector)
                );
                var values = await ReadAsync(connection, transaction, connector, cancellationToken);
                return new CredentialLease(this, connector, values, connection, transaction, null);
            }
            catch
            {
                if (transaction is not null)
                {
                    await transaction.DisposeAsync();
                }

                await connection.DisposeAsync();
                throw;
            }
        }

        var gate = SqliteLocks.GetOrAdd(database.SqliteConnectionString + "|" + connector, _ => new SemaphoreSlim(
            1,
            1
        ));
        await gate.WaitAsync(cancellationToken);
        try
        {
            await using var connection = await database.OpenAsync(cancellationToken);
            return new CredentialLease(
                this,
                connector,
                await ReadAsync(connection, null, connector, cancellationToken),
                null,
                null,
                gate
            );
        }
        catch
        {
            gate.Release();
            throw;
        }
    }

    internal async Task WriteAsync(
        DbConnection? connection,
        DbTransaction? transaction,
        string connector,
        IReadOnlyDictionary<string, string> values
    )
    {
        var now = time.GetUtcNow().Millis();
        if (connection is null)
        {
            await database.InTransactionAsync(
                async (c, t) =>
                {
                    foreach (var (name, value) in values)
                    {
                        await c.ExecuteAsync(
                            Upsert,
                            t,
                            CancellationToken.None,
                            ("connector", connector),
                            ("name", name),
                            ("value", value),
                            ("now", now)
                        );
                    }

                    return 0;
                },
                CancellationToken.None
            );
            return;
        }

        foreach (var (name, value) in values)
        {
            await connection.ExecuteAsync(
                Upsert,
                transaction,
                CancellationToken.None,
                ("connector", connector),
                ("name", name),
                ("value", value),
                ("now", now)
            );
        }

        await transaction!.CommitAsync(CancellationToken.None);
    }

    private static async Task<IReadOnlyDictionary<string, string>> ReadAsync(
        DbConnection connection,
        DbTransaction? transaction,
        string connector,
        CancellationToken cancellationToken
    ) =>
        (
            await connection.QueryAsync(
                "SELECT name, value FROM connector_credentials WHERE connector = @connector",
                transaction,
                r => (Name: r.GetString(0), Value: r.GetString(1)),
                cancellationToken,
                ("connector", connector)
            )
        ).ToDictionary(r => r.Name, r => r.Value, StringComparer.Ordinal);
}
