using IntegrationHub.Storage.Scheduling;

namespace IntegrationHub.Server.Routing.Conversations;

/// <summary>
/// Fires due durable timers: whichever instance claims a timer first handles it, and completes
/// it; a timer claimed by an instance that died is claimed again when its lease runs out.
/// </summary>
public sealed partial class AcceptTimeoutWorker(ScheduleStore schedule, ConversationFlow flow, ILogger<AcceptTimeoutWorker> logger) : BackgroundService
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(200);
    private readonly string _owner = $"{Environment.MachineName}/{Environment.ProcessId}/timers/{Guid.NewGuid():N}";

    public async Task<int> FireDueAsync(CancellationToken cancellationToken)
    {
        var due = await schedule.ClaimDueAsync(_owner, TimeSpan.FromSeconds(15), 50, cancellationToken);
        foreach (var work in due)
        {
            if (work.Kind == ConversationFlow.AcceptTimeoutKind)
            {
                await flow.OnAcceptTimeoutAsync(work.Payload, cancellationToken);
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

    [LoggerMessage(Level = LogLevel.Error, Message = "Firing durable timers failed; trying again")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
