using System.Data.Common;
using IntegrationHub.Storage.Assignment;
using IntegrationHub.Storage.Conversations;
using IntegrationHub.Storage.Events;
using IntegrationHub.Storage.Outbox;
using IntegrationHub.Storage.RoutingEvents;
using IntegrationHub.Storage.Scheduling;
using IntegrationHub.Storage.Sql;

namespace IntegrationHub.Storage.Decisions;

/// <summary>
/// One transaction of <see cref="DecisionWriter"/>: which requests are decided already (one query), each new
/// decision made in turn with the batch's round-robin ledger, then every row of every decision written as one batch
/// of statements, and the commit.
/// </summary>
internal sealed class DecisionBatch(Database database, TimeProvider time) : IAsyncDisposable
{
    // SQLite: the writer keeps one connection and its compiled inserts from batch to batch (PostgreSQL takes one from
    // its pool per batch; the server keeps the prepared statements).
    private DbConnection? _kept;
    private CompiledStatements? _compiled;

    public async Task<BatchOutcome> CommitAsync(IReadOnlyList<PendingDecision> batch)
    {
        // The writer's own work is not cut short by one caller giving up: the others in the batch still want it.
        var ct = CancellationToken.None;
        using var turn = await database.WriterTurnAsync(ct);
        var connection = database.IsPostgres ? await database.OpenAsync(ct) : await KeptConnectionAsync(ct);
        try
        {
            return await CommitAsync(connection, batch, ct);
        }
        catch
        {
            // A connection that failed a batch is not trusted with the next one.
            await ForgetConnectionAsync();
            throw;
        }
        finally
        {
            if (database.IsPostgres)
            {
                await connection.DisposeAsync();
            }
        }
    }

    public ValueTask DisposeAsync() => ForgetConnectionAsync();

    /// <summary>SQLite: the writer's own connection, opened with the compiled statements that belong to it.</summary>
    private async Task<DbConnection> KeptConnectionAsync(CancellationToken ct)
    {
        if (_kept is null)
        {
            _kept = await database.OpenAsync(ct);
            _compiled = new CompiledStatements();
        }

        return _kept;
    }

    private async ValueTask ForgetConnectionAsync()
    {
        if (_compiled is not null)
        {
            await _compiled.DisposeAsync();
            _compiled = null;
        }

        if (_kept is not null)
        {
            await _kept.DisposeAsync();
            _kept = null;
        }
    }

    private async Task<BatchOutcome> CommitAsync(
        DbConnection connection,
        IReadOnlyList<PendingDecision> batch,
        CancellationToken ct
    )
    {
        await using var transaction = await connection.BeginTransactionAsync(ct);
        var stands = await DecidedAlreadyAsync(connection, transaction, batch, ct);
        var ledger = new RoundRobinLedger(database, connection, transaction);
        var answers = new List<Action>(batch.Count);
        var written = new List<DecisionWrite>(batch.Count);
        foreach (var pending in batch)
        {
            if (stands.TryGetValue((pending.Kind, pending.RequestId), out var earlier))
            {
                answers.Add(() => pending.Outcome.TrySetResult(new RecordOutcome(false, earlier)));
                continue;
            }

            var mark = ledger.Mark;
            DecisionWrite write;
            try
            {
                write = await pending.Decide(ledger, ct);
                if (write.Decision.Kind != pending.Kind || write.Decision.RequestId != pending.RequestId)
                {
                    throw new InvalidOperationException("a decision must answer the request it was queued for");
                }
            }
            catch (Exception ex) when (ex is not DbException)
            {
                // This decision could not be made: its picks are forgotten and only its caller hears of it.
                ledger.Undo(mark);
                answers.Add(() => pending.Outcome.TrySetException(ex));
                continue;
            }

            stands[(pending.Kind, pending.RequestId)] = write.Decision;
            written.Add(write);
            answers.Add(() => pending.Outcome.TrySetResult(new RecordOutcome(true, write.Decision)));
        }

        // Which events some subscription wants, asked once for the batch (most decisions' events go nowhere).
        var wanted = written.Any(w => w.Events is { Count: > 0 })
            ? await RoutingEventOutbox.WantedAsync(connection, transaction, ct)
            : new HashSet<string>();
        await SqlStatement.ExecuteAllAsync(connection, transaction, Statements(written, ledger, wanted), ct, _compiled);
        await transaction.CommitAsync(ct);
        return new BatchOutcome(written, answers);
    }

    private List<SqlStatement> Statements(
        List<DecisionWrite> written,
        RoundRobinLedger ledger,
        IReadOnlySet<string> wantedEvents
    )
    {
        var now = time.GetUtcNow();
        var statements = new List<SqlStatement>();
        foreach (var (decision, effects, conversation, timer, events, _) in written)
        {
            statements.Add(DecisionStore.Insert(decision));
            statements.AddRange(OutboxStore.Enqueue(decision.Id, effects, now));
            statements.AddRange(RoutingEventOutbox.Enqueue(events, wantedEvents, now));
            if (conversation is not null)
            {
                statements.Add(ConversationStore.Insert(conversation, now));
            }

            if (timer is not null)
            {
                statements.Add(ScheduleStore.Schedule(timer));
            }
        }

        statements.AddRange(ledger.Increments());
        statements.AddRange(Metrics.RoutingCountStore.Increments(written.SelectMany(w => w.Counts ?? [])));
        var enqueued = written.Any(w =>
            w.Effects.Count > 0 || w.Events?.Any(e => wantedEvents.Contains(e.Type)) == true
        );
        if (database.IsPostgres && enqueued)
        {
            // Other instances' dispatchers hear of the new effects when this commits, not at their next poll.
            statements.Add(PostgresEventBus.Notify(OutboxWake.Channel, ""));
        }

        return statements;
    }

    private static async Task<Dictionary<(string Kind, string RequestId), StoredDecision>> DecidedAlreadyAsync(
        DbConnection connection,
        DbTransaction transaction,
        IReadOnlyList<PendingDecision> batch,
        CancellationToken ct
    )
    {
        // Per kind, so each part of the query walks the (kind, request_id) unique index.
        var parameters = new List<(string, object?)>();
        var parts = batch
            .GroupBy(p => p.Kind, StringComparer.Ordinal)
            .Select(kind =>
            {
                parameters.Add(("k" + parameters.Count, kind.Key));
                var kindName = "@k" + (parameters.Count - 1);
                var names = new List<string>();
                foreach (var request in kind.Select(p => p.RequestId).Distinct(StringComparer.Ordinal))
                {
                    names.Add("@r" + parameters.Count);
                    parameters.Add(("r" + parameters.Count, request));
                }

                return $"SELECT {DecisionStore.Columns} FROM decisions WHERE kind = {kindName} AND request_id IN "
                    + $"({string.Join(", ", names)})";
            })
            .ToList();
        var found = await connection.QueryAsync(
            string.Join(" UNION ALL ", parts),
            transaction,
            DecisionStore.Read,
            ct,
            [.. parameters]
        );
        return found.ToDictionary(d => (d.Kind, d.RequestId));
    }
}

/// <summary>What a committed batch wrote, and how to answer its callers (after the observers have heard).</summary>
internal sealed record BatchOutcome(IReadOnlyList<DecisionWrite> Written, IReadOnlyList<Action> Answers)
{
    public void Answer()
    {
        foreach (var answer in Answers)
        {
            answer();
        }
    }
}
