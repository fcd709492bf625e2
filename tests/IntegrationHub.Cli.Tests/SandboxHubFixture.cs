using IntegrationHub.Testing;

namespace IntegrationHub.Cli.Tests;

/// <summary>
/// The hub as `dotnet run` starts it with no vendor credentials: sandbox fakes and demo data, its own database.
/// </summary>
public sealed class SandboxHubFixture : IAsyncLifetime
{
    public HubProcess Hub { get; private set; } = null!;

    public async Task InitializeAsync() => Hub = await HubProcess.StartAsync(new Dictionary<string, string?>());

    public async Task DisposeAsync() => await Hub.DisposeAsync();
}
