using IntegrationHub.Hub.Capabilities;
using IntegrationHub.Sdk.Http;
using IntegrationHub.Storage.Credentials;

namespace IntegrationHub.Hub.Credentials;

/// <summary>
/// Connectors' rotated credentials in the hub's store, shared by every instance and kept across restarts.
/// </summary>
public sealed class DurableConnectorCredentials(CredentialStore store) : IConnectorCredentialStore
{
    public Task<string?> GetAsync(string connector, string name, CancellationToken cancellationToken) =>
        store.GetAsync(connector, name, cancellationToken);

    public Task SetAsync(string connector, string name, string value, CancellationToken cancellationToken) =>
        store.SetAsync(connector, name, value, cancellationToken);

    public async Task<ICredentialLease> LockAsync(string connector, CancellationToken cancellationToken) =>
        new Lease(await store.LockAsync(connector, cancellationToken));

    private sealed class Lease(CredentialLease lease) : ICredentialLease
    {
        public IReadOnlyDictionary<string, string> Values => lease.Values;

        public Task StoreAsync(IReadOnlyDictionary<string, string> values) => lease.StoreAsync(values);

        public ValueTask DisposeAsync() => lease.DisposeAsync();
    }
}
