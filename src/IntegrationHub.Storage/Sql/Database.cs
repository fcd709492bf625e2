using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace IntegrationHub.Storage.Sql;

/// <summary>
/// Opens connections to the configured database and knows the few places where SQLite and
/// PostgreSQL SQL differ. Everything else is written once, in the SQL both accept.
/// </summary>
public sealed class Database
{
    private readonly NpgsqlDataSource? _postgres;
    private readonly string? _sqlite;

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<
        SQLitePCL.sqlite3,
        object?
    > Configured = [];

    private Database(NpgsqlDataSource? postgres, string? sqlite)
    {
        _postgres = postgres;
        _sqlite = sqlite;
    }

    /// <summary>How much of a SQLite file each connection reads through a memory map (virtual, not resident).</summary>
    private const long MappedBytes = 256L * 1024 * 1024;

    public bool IsPostgres => _postgres is not null;

    public string? PostgresConnectionString { get; private init; }

    /// <summary>The SQLite connection string (which names the file), or null on PostgreSQL.</summary>
    internal string? SqliteConnectionString => _sqlite;

    /// <summary>Row locks for read-modify-write (PostgreSQL); SQLite's write transaction already serializes.</summary>
    public string ForUpdate => IsPostgres ? " FOR UPDATE" : "";

    /// <summary>Lets concurrent dispatchers claim different rows instead of waiting on each other.</summary>
    public string ForUpdateSkipLocked => IsPostgres ? " FOR UPDATE SKIP LOCKED" : "";

    public static Database Sqlite(string path)
    {
        var builder = new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Cache = SqliteCacheMode.Private,
            Pooling = true,
        };
        return new Database(null, builder.ToString());
    }

    public static Database Postgres(string connectionString) =>
        new(NpgsqlDataSource.Create(AutoPrepared(connectionString)), null)
        {
            PostgresConnectionString = connectionString,
        };

    /// <summary>
    /// The hub sends the same few statements over and over; Npgsql prepares one on the server once it has been used
    /// twice, so the server stops parsing and planning it on every decision. A connection string that says otherwise
    /// keeps its own setting.
    /// </summary>
    private static string AutoPrepared(string connectionString)
    {
        var builder = new NpgsqlConnectionStringBuilder(connectionString);
        if (!builder.ContainsKey("Max Auto Prepare"))
        {
            builder.MaxAutoPrepare = 64;
            builder.AutoPrepareMinUsages = 2;
        }

        return builder.ConnectionString;
    }

    public async Task<DbConnection> OpenAsync(CancellationToken cancellationToken)
    {
        if (_postgres is not null)
        {
            return await _postgres.OpenConnectionAsync(cancellationToken);
        }

        var connection = new SqliteConnection(_sqlite);
        await connection.OpenAsync(cancellationToken);
        // Pooled connections keep their native handle and its settings: configure each handle once.
        if (Configured.TryAdd(connection.Handle!, null))
        {
            await using var pragma = connection.CreateCommand();
            // WAL lets readers run beside the one writer; the busy timeout makes concurrent writers wait, not fail.
            // Memory-mapped reads: every commit empties the page cache of every other connection, so without the map
            // each read starts by copying its pages from the kernel again (a quarter of a RouteVisitor's CPU time).
            // The log is copied back by SqliteCheckpoints, off the writers' path; SQLite's own checkpoint in the
            // committing writer stays as the backstop, at a log ten times the default.
            pragma.CommandText =
                "PRAGMA journal_mode=WAL; PRAGMA busy_timeout=10000; PRAGMA synchronous=NORMAL; "
                + $"PRAGMA mmap_size={MappedBytes}; PRAGMA wal_autocheckpoint=10000;";
            await pragma.ExecuteNonQueryAsync(cancellationToken);
        }

        return connection;
    }

    /// <summary>
    /// This process's turn to write, on SQLite (see <see cref="SqliteWriterTurn"/>); nothing to wait for on
    /// PostgreSQL, whose writers lock rows, not the database. Taken before the connection is opened.
    /// </summary>
    internal async Task<IDisposable> WriterTurnAsync(CancellationToken cancellationToken) =>
        _sqlite is null ? NoTurn.Instance : await SqliteWriterTurn.TakeAsync(_sqlite, cancellationToken);

    /// <summary>Runs <paramref name="work"/> in one transaction, committing when it returns.</summary>
    public async Task<T> InTransactionAsync<T>(
        Func<DbConnection, DbTransaction, Task<T>> work,
        CancellationToken cancellationToken
    )
    {
        using var turn = await WriterTurnAsync(cancellationToken);
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var result = await work(connection, transaction);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    private sealed class NoTurn : IDisposable
    {
        public static readonly NoTurn Instance = new();

        public void Dispose() { }
    }
}
