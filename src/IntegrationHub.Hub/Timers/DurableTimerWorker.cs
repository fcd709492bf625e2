using IntegrationHub.Storage.Scheduling;

namespace IntegrationHub.Hub.Timers;

/// <summary>Handles one kind of durable timer when it is due.</summary>
public interface IDurableTimerHandler
{
    string Kind { get; }

    Task OnDueAsync(string payload, CancellationToken cancellationToken);
}

/// <summary>
/// Fires due durable timers: whichever instance claims a timer first handles it, and completes
/// it; a timer claimed by an instance that died is claimed again when its lease runs out.
/// </summary>
public sealed partial class DurableTimerWorker(
    ScheduleStore schedule,
    IEnumerable<IDurableTimerHandler> handlers,
    ILogger<DurableTimerWorker> logger
) : BackgroundService
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(200);
    private readonly string _owner = $"{Environment.MachineName}/{Environment.ProcessId}/timers/{Guid.NewGuid():N}";
    private readonly Dictionary<string, IDurableTimerHandler> _handlers = handlers.ToDictionary(
        h => h.Kind,
        StringComparer.Ordinal
    );

    public async Task<int> FireDueAsync(CancellationToken cancellationToken)
    {
        var due = await schedule.ClaimDueAsync(_owner, TimeSpan.FromSeconds(15), 50, cancellationToken);
        foreach (var work in due)
        {
            if (_handlers.TryGetValue(work.Kind, out var handler))
            {
                try
                {
                    await handler.OnDueAsync(work.Payload, cancellationToken);
                }
                catch (DurableTimerRetry retry)
                {
                    LogRetry(logger, work.Kind, work.Key, retry.At, retry.Message);
                    await schedule.RetryAsync(work.Key, _owner, retry.Payload, retry.At, cancellationToken);
                    continue;
                }
            }
            else
            {
                LogUnknownKind(logger, work.Kind, work.Key);
            }

            await schedule.CompleteAsync(work.Key, _owner, cancellationToken);
        }

        return due.Count;
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await FireDueAsync(stoppingToken);
                // Polling cadence is machine time; whether a timer is due is the business clock's call.
                await Task.Delay(Poll, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception ex)
            {
                LogFailed(logger, ex);
                await Task.Delay(Poll, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "Durable timer {Kind} ({Key}) could not be handled now; due again at {At}: {Reason}"
    )]
    private static partial void LogRetry(ILogger logger, string kind, string key, DateTimeOffset at, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Firing durable timers failed; trying again")]
    private static partial void LogFailed(ILogger logger, Exception exception);

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "No handler for durable timer kind {Kind} ({Key}); completing it"
    )]
    private static partial void LogUnknownKind(ILogger logger, string kind, string key);
}
