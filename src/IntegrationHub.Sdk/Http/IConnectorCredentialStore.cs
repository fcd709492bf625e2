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
}

/// <summary>
/// Process memory only: the default for a connector outside the hub (its contract tests).
/// The hub replaces it with its database.
/// </summary>
public sealed class InMemoryConnectorCredentialStore : IConnectorCredentialStore
{
    private readonly ConcurrentDictionary<(string, string), string> _values = new();

    public Task<string?> GetAsync(string connector, string name, CancellationToken cancellationToken) =>
        Task.FromResult(_values.TryGetValue((connector, name), out var value) ? value : null);

    public Task SetAsync(string connector, string name, string value, CancellationToken cancellationToken)
    {
        _values[(connector, name)] = value;
        return Task.CompletedTask;
    }
}
