using IntegrationHub.Sdk.Sandbox;

namespace IntegrationHub.Server.Sandbox;

/// <summary>Stops the sandbox fakes when the hub stops.</summary>
internal sealed class SandboxLifetime(IReadOnlyList<ISandboxVendor> fakes) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        foreach (var fake in fakes)
        {
            await fake.DisposeAsync();
        }
    }
}
