using System.Collections.Concurrent;

namespace IntegrationHub.Sdk.Http;

/// <summary>
/// Durable storage for credentials a vendor rotates, such as an OAuth refresh token that is
/// replaced on every use. The hub backs it with its own database, so the newest value survives
/// a restart and is shared by every hub instance; a connector that kept it in memory would be
/// locked out after a restart, or by another instance's refresh.
/// </summary>
public interface IConnectorCredentialStore
{
    /// <summary>The stored value, or null when none was stored yet.</summary>
    Task<string?> GetAsync(string connector, string name, CancellationToken cancellationToken);

    /// <summary>Stores a value, replacing the previous one.</summary>
    Task SetAsync(string connector, string name, string value, CancellationToken cancellationToken);

    /// <summary>
    /// Takes the connector's credential lock, held by one caller at a time across every hub
    /// instance (a PostgreSQL advisory lock; the store's own lock on SQLite), and reads the
    /// connector's stored credentials under it. Spend a single-use credential (a rotating
    /// refresh token) only while holding it: a caller that waited finds in
    /// <see cref="ICredentialLease.Values"/> what the previous holder stored and uses that
    /// instead of spending the same token again. Dispose the lease to release the lock; a
    /// process that dies holding it releases it with its connection.
    /// </summary>
    Task<ICredentialLease> LockAsync(string connector, CancellationToken cancellationToken);
}

/// <summary>
/// The connector's credential lock, held until disposed. See <see cref="IConnectorCredentialStore.LockAsync"/>.
/// </summary>
public interface ICredentialLease : IAsyncDisposable
{
    /// <summary>The connector's stored credentials by name, as read after the lock was taken.</summary>
    IReadOnlyDictionary<string, string> Values { get; }

    /// <summary>
    /// Stores these credentials in one write, still under the lock. Call it as soon as the
    /// vendor's answer is read, with no other I/O or await before it: the vendor has already
    /// rotated, and until this returns the only valid token lives in process memory. It ignores
    /// cancellation for that reason.
    /// </summary>
    Task StoreAsync(IReadOnlyDictionary<string, string> values);
}

/// <summary>
/// Process memory only: the default for a connector outside the hub (its contract tests).
/// The hub replaces it with its database.
/// </summary>
public sealed class InMemoryConnectorCredentialStore : IConnectorCredentialStore
{
    private readonly ConcurrentDictionary<(string, string), string> _values = new();
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _locks = new(StringComparer.Ordinal);

    /// <inheritdoc />
    public Task<string?> GetAsync(string connector, string name, CancellationToken cancellationToken) =>
        Task.FromResult(_values.TryGetValue((connector, name), out var value) ? value : null);

    /// <inheritdoc />
    public Task SetAsync(string connector, string name, string value, CancellationToken cancellationToken)
    {
        _values[(connector, name)] = value;
        return Task.CompletedTask;
    }

    /// <inheritdoc />
    public async Task<ICredentialLease> LockAsync(string connector, CancellationToken cancellationToken)
    {
        var gate = _locks.GetOrAdd(connector, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        var values = _values
            .Where(v => v.Key.Item1 == connector)
            .ToDictionary(v => v.Key.Item2, v => v.Value, StringComparer.Ordinal);
        return new Lease(this, connector, values, gate);
    }

    private sealed class Lease(
        InMemoryConnectorCredentialStore store,
        string connector,
        IReadOnlyDictionary<string, string> values,
        SemaphoreSlim gate
    ) : ICredentialLease
    {
        private int _released;

        public IReadOnlyDictionary<string, string> Values => values;

        public Task StoreAsync(IReadOnlyDictionary<string, string> values)
        {
            foreach (var (name, value) in values)
            {
                store._values[(connector, name)] = value;
            }

            return Task.CompletedTask;
        }

        public ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }

            return ValueTask.CompletedTask;
        }
    }
}
