using IntegrationHub.Sdk.Http;
using IntegrationHub.Storage.Credentials;

namespace IntegrationHub.Server.Connectors;

/// <summary>Connectors' rotated credentials in the hub's store, shared by every instance and kept across restarts.</summary>
public sealed class DurableConnectorCredentials(CredentialStore store) : IConnectorCredentialStore
{
    public Task<string?> GetAsync(string connector, string name, CancellationToken cancellationToken) => store.GetAsync(connector, name, cancellationToken);

    public Task SetAsync(string connector, string name, string value, CancellationToken cancellationToken) => store.SetAsync(connector, name, value, cancellationToken);
}
