namespace IntegrationHub.Server.Capabilities.Remote;

/// <summary>
/// Asks every remote connector to describe itself while the hub starts, so its name is in place before the first
/// decision names its sources. A remote that is not up yet does not hold the start back: it is asked again by its
/// health check.
/// </summary>
internal sealed class RemoteDescriptionAtStart(RemoteEndpoints endpoints, ILogger<RemoteDescriptionAtStart> logger)
    : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken) =>
        Task.WhenAll(endpoints.All.Select(e => RemoteDescription.DescribeAsync(e, logger, cancellationToken)));

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
