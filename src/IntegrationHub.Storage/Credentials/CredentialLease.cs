using System.Data.Common;

namespace IntegrationHub.Storage.Credentials;

/// <summary>
/// A connector's credential lock, held until disposed, with the credentials read under it. On
/// PostgreSQL it is an open transaction holding an advisory lock: storing commits, which also
/// releases the lock, so the lease stores at most once.
/// </summary>
public sealed class CredentialLease : IAsyncDisposable
{
    private readonly CredentialStore _store;
    private readonly string _connector;
    private readonly DbConnection? _connection;
    private readonly DbTransaction? _transaction;
    private readonly SemaphoreSlim? _gate;
    private bool _stored;
    private bool _released;

    internal CredentialLease(
        CredentialStore store,
        string connector,
        IReadOnlyDictionary<string, string> values,
        DbConnection? connection,
        DbTransaction? transaction,
        SemaphoreSlim? gate
    )
    {
        _store = store;
        _connector = connector;
        Values = values;
        _connection = connection;
        _transaction = transaction;
        _gate = gate;
    }

    /// <summary>The connector's credentials by name, as stored when the lock was taken.</summary>
    public IReadOnlyDictionary<string, string> Values { get; }

    /// <summary>
    /// Stores these credentials in one transaction; it ignores cancellation (the vendor has already rotated).
    /// </summary>
    public async Task StoreAsync(IReadOnlyDictionary<string, string> values)
    {
        ObjectDisposedException.ThrowIf(_released, this);
        if (_stored)
        {
            throw new InvalidOperationException("A credential lease stores once.");
        }

        _stored = true;
        await _store.WriteAsync(_connection, _transaction, _connector, values);
    }

    public async ValueTask DisposeAsync()
    {
        if (_released)
        {
            return;
        }

        _released = true;
        if (_transaction is not null)
        {
            await _transaction.DisposeAsync();
        }

        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }

        _gate?.Release();
    }
}
