using IntegrationHub.Storage.Outbox;

namespace IntegrationHub.Hub.Telemetry;

/// <summary>
/// Reads the outbox's depth every few seconds for the gauges (a metrics scrape must not wait on the database).
/// </summary>
public sealed partial class OutboxSampler(OutboxStore outbox, TimeProvider time, ILogger<OutboxSampler> logger)
    : BackgroundService
{
    private static readonly TimeSpan Every = TimeSpan.FromSeconds(10);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var (pending, oldest) = await outbox.DepthAsync(stoppingToken);
                HubMetrics.OutboxSampled(pending, oldest is { } at ? time.GetUtcNow() - at : TimeSpan.Zero);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogSampleFailed(logger, ex);
            }

            // Machine time: a test's fake clock must not stop the sampling.
            await Task.Delay(Every, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Reading the outbox depth for metrics failed")]
    private static partial void LogSampleFailed(ILogger logger, Exception exception);
}
