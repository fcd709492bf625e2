using System.Data.Common;
using System.Threading.Channels;
using IntegrationHub.Storage.Assignment;
using Microsoft.Extensions.Logging;

namespace IntegrationHub.Storage.Decisions;

/// <summary>
/// Group commit of decisions: callers queue a decision to be made and stored, one writer drains the queue and makes
/// and stores each batch in a single transaction (decisions, outbox rows, conversations, timers and round-robin picks;
/// one <see cref="DbBatch"/> on PostgreSQL), and a caller is answered only once its batch is durable. A request id is
/// decided once, in a batch too: a repeat (earlier, in the same batch, or by another instance) gets the decision that
/// stands. A batch that fails is tried again one decision at a time, so a failure fails only its own caller, and the
/// writer goes on.
/// </summary>
public sealed partial class DecisionWriter : IAsyncDisposable
{
    /// <summary>At most this many decisions share one transaction.</summary>
    public const int MaxBatch = 128;

    /// <summary>How often one decision is tried alone before its caller hears the database's refusal.</summary>
    private const int MaxAttempts = 3;

    /// <summary>
    /// At most this many decisions wait for the writer; more callers wait to queue (until their deadline), so a
    /// flood of requests with a slow disk holds bounded memory instead of a queue that only grows.
    /// </summary>
    public const int MaxWaiting = 4 * 1024;

    private readonly Channel<PendingDecision> _queue = Channel.CreateBounded<PendingDecision>(
        new BoundedChannelOptions(MaxWaiting) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait }
    );
    private readonly DecisionBatch _batch;
    private readonly IDecisionCommitted[] _observers;
    private readonly ILogger<DecisionWriter> _logger;
    private readonly Task _writer;

    public DecisionWriter(
        Sql.Database database,
        TimeProvider time,
        IEnumerable<IDecisionCommitted> observers,
        ILogger<DecisionWriter> logger
    )
    {
        _batch = new DecisionBatch(database, time);
        _observers = [.. observers];
        _logger = logger;
        _writer = Task.Run(WriteAsync);
    }

    /// <summary>
    /// Makes and stores the decision for (<paramref name="kind"/>, <paramref name="requestId"/>) unless that request
    /// is already decided. <paramref name="decide"/> runs on the writer, inside the batch's transaction: it must only
    /// compute (no vendor calls), take its round-robin picks from the ledger it is given, and may run more than once
    /// (a failed batch is retried). Returns once the decision is durable.
    /// </summary>
    public async Task<RecordOutcome> CommitAsync(
        string kind,
        string requestId,
        Func<RoundRobinLedger, CancellationToken, Task<DecisionWrite>> decide,
        CancellationToken cancellationToken
    )
    {
        var pending = new PendingDecision(kind, requestId, decide, cancellationToken);
        if (!_queue.Writer.TryWrite(pending))
        {
            try
            {
                await _queue.Writer.WriteAsync(pending, cancellationToken);
            }
            catch (ChannelClosedException)
            {
                throw new ObjectDisposedException(nameof(DecisionWriter), "the hub is stopping");
            }
        }

        return await pending.Outcome.Task;
    }

    /// <summary>Stores a decision made already (no round-robin picks), with its side effects.</summary>
    public Task<RecordOutcome> RecordAsync(
        StoredDecision decision,
        IReadOnlyList<Outbox.NewEffect> effects,
        CancellationToken cancellationToken
    ) =>
        CommitAsync(
            decision.Kind,
            decision.RequestId,
            (_, _) => Task.FromResult(new DecisionWrite(decision, effects)),
            cancellationToken
        );

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _writer;
        await _batch.DisposeAsync();
    }

    private async Task WriteAsync()
    {
        var batch = new List<PendingDecision>(MaxBatch);
        while (await _queue.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxBatch && _queue.Reader.TryRead(out var pending))
            {
                if (pending.Cancellation.IsCancellationRequested)
                {
                    pending.Outcome.TrySetCanceled(pending.Cancellation);
                }
                else
                {
                    batch.Add(pending);
                }
            }

            if (batch.Count > 0)
            {
                await CommitBatchAsync(batch);
                batch.Clear();
            }
        }
    }

    private async Task CommitBatchAsync(List<PendingDecision> batch, int attempt = 1)
    {
        try
        {
            var outcomes = await _batch.CommitAsync(batch);
            Committed(outcomes.Written);
            outcomes.Answer();
        }
        catch (Exception ex) when (batch.Count > 1)
        {
            // One decision spoiled the transaction (a race with another instance, a deadlock, a bad row): find it by
            // committing each alone, so only its caller sees the failure.
            LogBatchRetried(_logger, batch.Count, ex);
            foreach (var pending in batch)
            {
                await CommitBatchAsync([pending]);
            }
        }
        catch (DbException) when (attempt < MaxAttempts)
        {
            // Alone and still refused by the database: another instance got there between this decision's reads and
            // its write (the last slot of a cap, the same request id). Decided again, it sees what that one wrote.
            await CommitBatchAsync(batch, attempt + 1);
        }
        catch (Exception ex)
        {
            batch[0].Outcome.TrySetException(ex);
        }
    }

    private void Committed(IReadOnlyList<DecisionWrite> written)
    {
        if (written.Count == 0)
        {
            return;
        }

        foreach (var observer in _observers)
        {
            try
            {
                observer.Committed(written);
            }
            catch (Exception ex)
            {
                // The decisions are durable whatever an observer does; its failure must not fail their callers.
                LogObserverFailed(_logger, observer.GetType().Name, ex);
            }
        }
    }

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "A batch of {Count} decisions failed; committing them one at a time"
    )]
    private static partial void LogBatchRetried(ILogger logger, int count, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Decision observer {Observer} failed")]
    private static partial void LogObserverFailed(ILogger logger, string observer, Exception exception);
}
