using System.Collections.Concurrent;
using IntegrationHub.Storage.Events;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Storage.Outbox;

/// <summary>
/// Delivers the outbox: claims due effects under a lease, hands each to its handler (up to
/// <see cref="OutboxOptions.BatchSize"/> deliveries at once, a freed slot refilled at once), and
/// records the outcome — delivered, retried after an exponential back-off with jitter, or
/// dead-lettered after the last attempt. On shutdown it stops claiming, lets in-flight
/// deliveries finish within the grace period, and releases what is left for other instances.
/// It looks again as soon as a decision with effects commits, here or on another instance
/// (<see cref="OutboxWake"/>), and otherwise every <see cref="OutboxOptions.PollInterval"/>. While a delivery runs,
/// its lease is renewed every third of <see cref="OutboxOptions.Lease"/>: a delivery slower than the lease (a vendor
/// answering slowly, a token refresh waited for) is not taken over and sent again by another instance; only a
/// dispatcher that died stops renewing.
/// </summary>
public sealed partial class OutboxDispatcher(
    OutboxStore outbox,
    IEnumerable<IOutboxEffectHandler> handlers,
    IOptions<StorageOptions> options,
    OutboxWake wake,
    IHubEventBus events,
    TimeProvider time,
    ILogger<OutboxDispatcher> logger
) : BackgroundService
{
    private readonly Dictionary<string, IOutboxEffectHandler> _handlers = handlers.ToDictionary(
        h => h.EffectType,
        StringComparer.Ordinal
    );
    private readonly CancellationTokenSource _abortDeliveries = new();
    private readonly ConcurrentDictionary<string, byte> _delivering = new(StringComparer.Ordinal);
    private readonly DeliveredMarks _marks = new(
        outbox,
        $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid():N}"
    );

    /// <summary>This dispatcher's lease owner name.</summary>
    public string Owner => _marks.Owner;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value.Outbox;
        using var announced = events.Subscribe(OutboxWake.Channel);
        var hearing = HearOtherInstancesAsync(announced, stoppingToken);
        // Renewal outlives the stop signal: deliveries still finishing in the grace period keep their leases.
        using var delivered = new CancellationTokenSource();
        var renewing = RenewLeasesAsync(settings.Lease, delivered.Token);
        // Deliveries run side by side, up to a batch's worth: a slot freed by a quick delivery is filled at once
        // instead of after the slowest delivery of its batch. Keyed by effect id, so an effect still in flight
        // here when its lease runs out and it is claimed again is not delivered twice at once by this instance.
        var inFlight = new Dictionary<string, Task>(StringComparer.Ordinal);
        while (!stoppingToken.IsCancellationRequested)
        {
            var claimed = 0;
            try
            {
                claimed = await ClaimIntoAsync(inFlight, settings, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                LogDispatchFailed(logger, ex);
            }
            catch (OperationCanceledException)
            {
                break;
            }

            if (claimed == 0 || inFlight.Count >= settings.BatchSize)
            {
                try
                {
                    await NextRoundAsync(inFlight, settings, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    break;
                }
            }
        }

        // Deliveries in flight are not cut off by the stop signal: they get the grace period (see StopAsync).
        await Task.WhenAll(inFlight.Values);
        await delivered.CancelAsync();
        await Task.WhenAll(hearing, renewing);
    }

    /// <summary>
    /// Renews the leases of the deliveries in flight every third of the lease (machine time, like the poll), so two
    /// renewals may be late before another instance could take one over.
    /// </summary>
    private async Task RenewLeasesAsync(TimeSpan lease, CancellationToken delivered)
    {
        try
        {
            while (true)
            {
                await Task.Delay(lease / 3, delivered);
                var ids = _delivering.Keys.ToList();
                if (ids.Count == 0)
                {
                    continue;
                }

                try
                {
                    await outbox.RenewAsync(Owner, ids, lease, delivered);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    // The next renewal tries again; if the store stays away, the leases run out as for a dead instance.
                    LogRenewFailed(logger, ex.Message);
                }
            }
        }
        catch (OperationCanceledException)
        {
            // Every delivery has finished.
        }
    }

    /// <summary>Claims as many due effects as there are free delivery slots and starts delivering them.</summary>
    private async Task<int> ClaimIntoAsync(
        Dictionary<string, Task> inFlight,
        OutboxOptions settings,
        CancellationToken stoppingToken
    )
    {
        ForgetFinished(inFlight);
        var room = settings.BatchSize - inFlight.Count;
        if (room <= 0)
        {
            return 0;
        }

        var batch = await outbox.ClaimAsync(Owner, settings.Lease, room, stoppingToken);
        foreach (var effect in batch.Where(e => !inFlight.ContainsKey(e.Id)))
        {
            inFlight[effect.Id] = DeliverAsync(effect, settings, _abortDeliveries.Token);
        }

        return batch.Count;
    }

    /// <summary>
    /// Waits for a reason to claim again: a delivery finished (a free slot), a wake (effects committed), or the poll.
    /// A wait for the wake that lost is cancelled, so it does not swallow the next signal.
    /// </summary>
    private async Task NextRoundAsync(
        Dictionary<string, Task> inFlight,
        OutboxOptions settings,
        CancellationToken stoppingToken
    )
    {
        using var lost = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
        // Polling cadence is machine time, not the business clock: a test that fakes the clock (lease expiry,
        // retry times) still gets its effects delivered.
        var woken = wake.WaitAsync(settings.PollInterval, lost.Token);
        var finished = await Task.WhenAny(inFlight.Values.Append(woken));
        if (finished != woken)
        {
            await lost.CancelAsync();
        }

        ForgetFinished(inFlight);
        stoppingToken.ThrowIfCancellationRequested();
    }

    private static void ForgetFinished(Dictionary<string, Task> inFlight)
    {
        foreach (var done in inFlight.Where(d => d.Value.IsCompleted).Select(d => d.Key).ToList())
        {
            inFlight.Remove(done);
        }
    }

    /// <summary>Effects committed by another instance wake this dispatcher too.</summary>
    private async Task HearOtherInstancesAsync(EventSubscription announced, CancellationToken stoppingToken)
    {
        try
        {
            await foreach (var _ in announced.Events.ReadAllAsync(stoppingToken))
            {
                wake.Signal();
            }
        }
        catch (OperationCanceledException)
        {
            // Stopping.
        }
    }

    /// <summary>Claims one batch and delivers it; returns how many were attempted.</summary>
    public async Task<int> DispatchOnceAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value.Outbox;
        var batch = await outbox.ClaimAsync(Owner, settings.Lease, settings.BatchSize, stoppingToken);
        // Deliveries in flight are not cut off by the stop signal: they get the grace period.
        await Task.WhenAll(batch.Select(effect => DeliverAsync(effect, settings, _abortDeliveries.Token)));
        return batch.Count;
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        using var grace = new CancellationTokenSource(options.Value.Outbox.ShutdownGrace, time);
        await using (grace.Token.Register(() => _abortDeliveries.Cancel()))
        {
            await base.StopAsync(cancellationToken);
        }

        try
        {
            var released = await outbox.ReleaseAsync(Owner, CancellationToken.None);
            LogReleased(logger, released);
        }
        catch (System.Data.Common.DbException ex)
        {
            // The database is going away too (a stop during an outage): the leases stay and expire
            // on their own, after which another instance (or this one, restarted) delivers the effects.
            LogReleaseFailed(logger, ex.Message, options.Value.Outbox.Lease);
        }
    }

    public override void Dispose()
    {
        _abortDeliveries.Dispose();
        base.Dispose();
    }

    private async Task DeliverAsync(OutboxEffect effect, OutboxOptions settings, CancellationToken abort)
    {
        _delivering[effect.Id] = 0;
        try
        {
            await DeliverHeldAsync(effect, settings, abort);
        }
        finally
        {
            _delivering.TryRemove(effect.Id, out _);
        }
    }

    private async Task DeliverHeldAsync(OutboxEffect effect, OutboxOptions settings, CancellationToken abort)
    {
        try
        {
            if (!_handlers.TryGetValue(effect.Type, out var handler))
            {
                throw new PermanentDeliveryFailure($"no handler for effect type '{effect.Type}'");
            }

            await handler.DeliverAsync(effect, abort);
            await _marks.MarkAsync(effect.Id);
        }
        catch (OperationCanceledException) when (abort.IsCancellationRequested)
        {
            // Shutdown grace ran out: the lease is released on stop and the effect is tried again elsewhere.
        }
        catch (Exception ex)
        {
            var dead = ex is PermanentDeliveryFailure || effect.Attempts >= settings.MaxAttempts;
            var retryAt = time.GetUtcNow() + Backoff(effect.Attempts, settings);
            try
            {
                await outbox.MarkFailedAsync(
                    effect.Id,
                    Owner,
                    $"{ex.GetType().Name}: {ex.Message}",
                    retryAt,
                    dead,
                    CancellationToken.None
                );
            }
            catch (System.Data.Common.DbException store)
            {
                // Not recorded: the lease expires and the effect is tried again, which is what a failure means anyway.
                LogDispatchFailed(logger, store);
                return;
            }

            if (dead)
            {
                LogDeadLettered(logger, effect.Type, effect.Id, effect.Attempts);
            }
            else
            {
                LogRetrying(logger, effect.Type, effect.Id, effect.Attempts, retryAt);
            }
        }
    }

    /// <summary>Exponential back-off with full jitter, capped.</summary>
    public static TimeSpan Backoff(int attempts, OutboxOptions settings)
    {
        var ceiling = Math.Min(
            settings.MaxBackoff.TotalMilliseconds,
            settings.BaseBackoff.TotalMilliseconds * Math.Pow(2, Math.Max(0, attempts - 1))
        );
        return TimeSpan.FromMilliseconds((ceiling / 2) + (Random.Shared.NextDouble() * ceiling / 2));
    }

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "Outbox dispatcher stopped without releasing its leases ({Reason}); their effects are taken over "
            + "when the leases expire, within {Lease}"
    )]
    private static partial void LogReleaseFailed(ILogger logger, string reason, TimeSpan lease);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not renew the leases of deliveries in flight: {Reason}")]
    private static partial void LogRenewFailed(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbox dispatch failed; trying again next round")]
    private static partial void LogDispatchFailed(ILogger logger, Exception exception);

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "Effect {Type} {Id} failed (attempt {Attempts}); retrying at {RetryAt}"
    )]
    private static partial void LogRetrying(
        ILogger logger,
        string type,
        string id,
        int attempts,
        DateTimeOffset retryAt
    );

    [LoggerMessage(Level = LogLevel.Error, Message = "Effect {Type} {Id} dead-lettered after {Attempts} attempts")]
    private static partial void LogDeadLettered(ILogger logger, string type, string id, int attempts);

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbox dispatcher stopped; released {Released} leases")]
    private static partial void LogReleased(ILogger logger, int released);
}
