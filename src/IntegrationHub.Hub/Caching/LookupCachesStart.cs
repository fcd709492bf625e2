namespace IntegrationHub.Hub.Caching;

/// <summary>
/// Builds the look-up caches when the hub starts rather than on the first visitor, so the connection to a shared
/// Redis is made (or found missing, and said so) before the hub serves.
/// </summary>
internal sealed class LookupCachesStart(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        services.GetRequiredService<VendorLookupCaches>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
