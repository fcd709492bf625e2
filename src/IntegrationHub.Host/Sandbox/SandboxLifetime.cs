using IntegrationHub.Sdk.Sandbox;

namespace IntegrationHub.Host.Sandbox;

/// <summary>
/// Seeds the sandbox fakes on the hub's clock when the hub starts (so the seed's "ten days
/// ago" is ten days before the hub's now, whatever clock a test gives it), and stops them
/// when the hub stops.
/// </summary>
internal sealed class SandboxLifetime(StartedSandbox sandbox, TimeProvider time) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var fake in sandbox.Vendors)
        {
            await fake.SeedAsync(sandbox.Seed, time, cancellationToken);
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        foreach (var fake in sandbox.Vendors)
        {
            await fake.DisposeAsync();
        }
    }
}
