namespace IntegrationHub.Storage.Outbox;

/// <summary>
/// Marks a dispatcher's deliveries done, several in one write: the first mark is written at once, and marks that
/// arrive while a write is under way go together in the next one. Under load that is one write for many effects
/// instead of one each, and SQLite's single writer is free sooner for the decisions. A caller is answered when its
/// mark is durable (or with the store's error), so a delivery's slot is not freed before its mark is written.
/// </summary>
internal sealed class DeliveredMarks(OutboxStore outbox, string owner)
{
    /// <summary>At most this many marks in one statement (well within every provider's parameter limit).</summary>
    private const int MaxPerWrite = 256;

    private readonly System.Collections.Concurrent.ConcurrentQueue<(string Id, TaskCompletionSource Done)> _waiting =
        new();
    private int _writing;

    /// <summary>The lease owner whose deliveries these are.</summary>
    public string Owner => owner;

    /// <summary>Marks <paramref name="id"/> delivered; completes when that is durable.</summary>
    public Task MarkAsync(string id)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _waiting.Enqueue((id, done));
        if (Interlocked.CompareExchange(ref _writing, 1, 0) == 0)
        {
            _ = WriteAllAsync();
        }

        return done.Task;
    }

    private async Task WriteAllAsync()
    {
        while (true)
        {
            var marks = new List<(string Id, TaskCompletionSource Done)>();
            while (marks.Count < MaxPerWrite && _waiting.TryDequeue(out var mark))
            {
                marks.Add(mark);
            }

            if (marks.Count == 0)
            {
                Volatile.Write(ref _writing, 0);
                // A mark queued after the last look but before the flag was down would wait for nobody: look again.
                if (_waiting.IsEmpty || Interlocked.CompareExchange(ref _writing, 1, 0) != 0)
                {
                    return;
                }

                continue;
            }

            try
            {
                // A mark whose lease was taken over is not an error: the new owner delivers it again, as before.
                await outbox.MarkDeliveredAsync([.. marks.Select(m => m.Id)], owner, CancellationToken.None);
                marks.ForEach(m => m.Done.TrySetResult());
            }
            catch (Exception ex)
            {
                marks.ForEach(m => m.Done.TrySetException(ex));
            }
        }
    }
}
