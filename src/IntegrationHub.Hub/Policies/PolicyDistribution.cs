using IntegrationHub.Hub.Decisions;
using IntegrationHub.Routing.Policy;
using IntegrationHub.Storage.Events;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Hub.Policies;

/// <summary>
/// Keeps this instance on the newest published policy. At start (before the hub serves) it publishes the policy file
/// if it changed since it was last published, then runs the newest version, which may be one published through the
/// API since. While running it publishes each valid file edit, and loads a version another instance published as
/// soon as the event bus announces it; a periodic check catches an announcement lost to a dropped connection.
/// </summary>
public sealed partial class PolicyDistribution(
    PolicyProvider provider,
    PolicyPublisher publisher,
    IHubEventBus events,
    IOptions<RoutingOptions> options,
    TimeProvider time,
    ILogger<PolicyDistribution> logger
) : BackgroundService
{
    private EventSubscription? _announcements;

    public override async Task StartAsync(CancellationToken cancellationToken)
    {
        _announcements = events.Subscribe(PolicyPublisher.Channel);
        await publisher.PublishFileAsync(provider.Current, cancellationToken);
        await publisher.AdoptNewestAsync(cancellationToken);
        provider.FileChanged += PublishEditAsync;
        await base.StartAsync(cancellationToken);
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        provider.FileChanged -= PublishEditAsync;
        await base.StopAsync(cancellationToken);
    }

    public override void Dispose()
    {
        _announcements?.Dispose();
        base.Dispose();
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var announcements = _announcements!.Events;
        Task<bool>? announced = null;
        while (!stoppingToken.IsCancellationRequested)
        {
            announced ??= announcements.WaitToReadAsync(stoppingToken).AsTask();
            var check = Task.Delay(options.Value.PolicyRefreshInterval, time, stoppingToken);
            await Task.WhenAny(announced, check);
            if (announced.IsCompleted)
            {
                while (announcements.TryRead(out _)) { }
                announced = null;
            }

            if (stoppingToken.IsCancellationRequested)
            {
                return;
            }

            try
            {
                await publisher.AdoptNewestAsync(stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogRefreshFailed(logger, ex);
            }
        }
    }

    private async Task PublishEditAsync(RoutingPolicy fromFile)
    {
        try
        {
            await publisher.PublishFileAsync(fromFile, CancellationToken.None);
        }
        catch (Exception ex)
        {
            LogPublishFailed(logger, provider.FilePath, ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not check for a newer routing policy version")]
    private static partial void LogRefreshFailed(ILogger logger, Exception exception);

    [LoggerMessage(
        Level = LogLevel.Error,
        Message = "Routing policy {Path} changed and is valid, but it could not be published; the running policy stays"
    )]
    private static partial void LogPublishFailed(ILogger logger, string path, Exception exception);
}
