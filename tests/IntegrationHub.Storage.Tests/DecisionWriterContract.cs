using System.Data.Common;
using IntegrationHub.Storage.Assignment;
using IntegrationHub.Storage.Conversations;
using IntegrationHub.Storage.Decisions;
using IntegrationHub.Storage.Outbox;
using IntegrationHub.Storage.Scheduling;
using Microsoft.Extensions.Logging.Abstractions;

namespace IntegrationHub.Storage.Tests;

/// <summary>
/// Group commit: decisions of concurrent callers made and stored in one transaction per batch; what every provider
/// must keep true inside a batch (one decision per request id, picks as fair as one at a time, a failure failing only
/// its own caller).
/// </summary>
public abstract class DecisionWriterContract(StorageProvider provider) : IAsyncLifetime
{
    private readonly List<StoredDecision> _heard = [];
    private StorageWorld _world = null!;

    public async Task InitializeAsync() => _world = await StorageWorld.CreateAsync(provider);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Two_callers_with_the_same_request_in_one_batch_get_one_decision_and_one_set_of_effects()
    {
        await using var writer = Writer();
        var (held, release) = await HoldAsync(writer);
        var first = writer.CommitAsync("visitor", "same", Decide("same", "rep-1"), CancellationToken.None);
        var second = writer.CommitAsync("visitor", "same", Decide("same", "rep-2"), CancellationToken.None);
        release();
        var outcomes = await Task.WhenAll(held, first, second);

        Assert.True(outcomes[1].Recorded);
        Assert.False(outcomes[2].Recorded);
        Assert.Equal(outcomes[1].Decision.Id, outcomes[2].Decision.Id);
        Assert.Equal("rep-1", outcomes[2].Decision.RepId);
        Assert.Single(await Outbox().ListAsync(EffectState.Pending, 100, CancellationToken.None), e =>
            e.IdempotencyKey.StartsWith("same", StringComparison.Ordinal)
        );
        Assert.Equal(["hold", "same"], _heard.Select(d => d.RequestId));
    }

    [Fact]
    public async Task A_decision_and_its_conversation_offer_timer_and_pick_are_stored_together()
    {
        await using var writer = Writer();
        var outcome = await writer.CommitAsync(
            "visitor",
            "offer",
            async (ledger, ct) =>
            {
                var rep = await ledger.PickAsync("emea", [("ana", 1), ("ben", 1)], ct);
                return Write("offer", rep) with
                {
                    Conversation = new StoredConversation("c-offer", "d", "Offered", rep, At(30), 1, "{}", At(0)),
                    Timer = new ScheduledWork("offer/c-offer", "accept_timeout", "c-offer", At(30)),
                };
            },
            CancellationToken.None
        );

        Assert.Equal("ana", outcome.Decision.RepId);
        Assert.NotNull(await new DecisionStore(_world.Database).GetAsync(outcome.Decision.Id, CancellationToken.None));
        Assert.Equal("ana", (await Conversations().GetAsync("c-offer", CancellationToken.None))?.RepId);
        Assert.Equal(1, (await RoundRobin().CountsAsync("emea", CancellationToken.None))["ana"]);
        _world.Time.Advance(TimeSpan.FromSeconds(31));
        var due = await new ScheduleStore(_world.Database, _world.Time).ClaimDueAsync(
            "me",
            TimeSpan.FromSeconds(5),
            10,
            CancellationToken.None
        );
        Assert.Equal(["offer/c-offer"], due.Select(w => w.Key));
    }

    [Fact]
    public async Task Picks_in_one_batch_follow_the_weights_and_a_repeat_takes_no_pick()
    {
        await using var writer = Writer();
        await writer.CommitAsync("visitor", "earlier", Picking("earlier"), CancellationToken.None);
        var (held, release) = await HoldAsync(writer);
        var callers = Enumerable
            .Range(0, 5)
            .Select(i => writer.CommitAsync("visitor", $"v{i}", Picking($"v{i}"), CancellationToken.None))
            .Append(writer.CommitAsync("visitor", "earlier", Picking("earlier"), CancellationToken.None))
            .ToList();
        release();
        await held;
        var outcomes = await Task.WhenAll(callers);

        // Six picks in all (the repeat took none): ana weighs twice what ben does.
        var counts = await RoundRobin().CountsAsync("geo", CancellationToken.None);
        Assert.Equal(4, counts["ana"]);
        Assert.Equal(2, counts["ben"]);
        Assert.Equal(5, outcomes.Count(o => o.Recorded));
    }

    [Fact]
    public async Task A_caller_beyond_the_queues_bound_waits_to_queue_and_giving_up_there_leaves_nothing()
    {
        await using var writer = Writer();
        var (held, release) = await HoldAsync(writer);
        var queued = Enumerable
            .Range(0, DecisionWriter.MaxWaiting)
            .Select(i => writer.CommitAsync("visitor", $"q{i}", Decide($"q{i}", "rep-1"), CancellationToken.None))
            .ToList();
        using var deadline = new CancellationTokenSource();
        var beyond = writer.CommitAsync("visitor", "beyond", Decide("beyond", "rep-1"), deadline.Token);
        Assert.False(beyond.IsCompleted);

        // Still waiting to queue, not queued: it gives up at once, while the writer is still held.
        await deadline.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => beyond.WaitAsync(TimeSpan.FromSeconds(30)));
        Assert.False(held.IsCompleted);
        release();

        Assert.All(await Task.WhenAll(queued), outcome => Assert.True(outcome.Recorded));
        Assert.Null(
            await new DecisionStore(_world.Database).GetByRequestAsync("visitor", "beyond", CancellationToken.None)
        );
    }

    [Fact]
    public async Task A_decision_that_cannot_be_made_fails_only_its_caller_and_leaves_no_pick()
    {
        await using var writer = Writer();
        var (held, release) = await HoldAsync(writer);
        var good = writer.CommitAsync("visitor", "good", Picking("good"), CancellationToken.None);
        var bad = writer.CommitAsync(
            "visitor",
            "bad",
            async (ledger, ct) =>
            {
                await ledger.PickAsync("geo", [("ana", 2), ("ben", 1)], ct);
                throw new InvalidOperationException("the engine refused");
            },
            CancellationToken.None
        );
        release();
        await held;

        Assert.True((await good).Recorded);
        await Assert.ThrowsAsync<InvalidOperationException>(() => bad);
        Assert.Equal(1, (await RoundRobin().CountsAsync("geo", CancellationToken.None)).Values.Sum());
        Assert.True((await writer.CommitAsync("visitor", "after", Picking("after"), CancellationToken.None)).Recorded);
    }

    [Fact]
    public async Task A_row_the_database_refuses_fails_only_its_caller_and_writes_nothing_of_it()
    {
        await using var writer = Writer();
        await writer.CommitAsync("visitor", "owner", Decide("owner", "rep-1", "c-taken"), CancellationToken.None);
        var (held, release) = await HoldAsync(writer);
        var good = writer.CommitAsync("visitor", "good", Decide("good", "rep-1", "c-good"), CancellationToken.None);
        var clash = writer.CommitAsync("visitor", "clash", Decide("clash", "rep-2", "c-taken"), CancellationToken.None);
        release();
        await held;

        Assert.True((await good).Recorded);
        await Assert.ThrowsAnyAsync<DbException>(() => clash);
        var decisions = new DecisionStore(_world.Database);
        Assert.Null(await decisions.GetByRequestAsync("visitor", "clash", CancellationToken.None));
        Assert.DoesNotContain(
            "clash/notify",
            (await Outbox().ListAsync(EffectState.Pending, 100, CancellationToken.None)).Select(e => e.IdempotencyKey)
        );
        Assert.True((await writer.CommitAsync("visitor", "after", Picking("after"), CancellationToken.None)).Recorded);
    }

    [Fact]
    public async Task Two_instances_committing_at_once_decide_each_request_once_and_count_every_pick()
    {
        await using var one = Writer();
        await using var another = AnotherInstancesWriter();
        var writers = new[] { one, another };
        var outcomes = await Task.WhenAll(
            Enumerable
                .Range(0, 40)
                .Select(i => writers[i % 2].CommitAsync("visitor", $"r{i / 2}", Picking($"r{i / 2}"), default))
        );

        Assert.Equal(20, outcomes.Count(o => o.Recorded));
        Assert.Equal(20, outcomes.Select(o => o.Decision.Id).Distinct().Count());
        var counts = await RoundRobin().CountsAsync("geo", CancellationToken.None);
        Assert.Equal(20, counts.Values.Sum());
        Assert.InRange(counts["ana"], 12, 15);
    }

    [Fact]
    public async Task Two_instances_never_both_take_the_last_slot_of_a_cap()
    {
        await using var one = Writer();
        await using var another = AnotherInstancesWriter();
        // Ana takes leads until she has five today, then nobody does; four are taken already.
        var today = new WorkCount("ana", "lead", "day", At(0).Date, 0);
        for (var i = 0; i < 4; i++)
        {
            await one.CommitAsync("visitor", $"early{i}", Capped($"early{i}", today, null), default);
        }

        // Both instances read four, and only then does either write: exactly one gets the last slot.
        var bothRead = new CountdownEvent(2);
        var outcomes = await Task.WhenAll(
            one.CommitAsync("visitor", "last-a", Capped("last-a", today, bothRead), default),
            another.CommitAsync("visitor", "last-b", Capped("last-b", today, bothRead), default)
        );

        Assert.All(outcomes, o => Assert.True(o.Recorded));
        Assert.Single(outcomes, o => o.Decision.RepId == "ana");
        var stored = await new WorkCountStore(_world.Database).SinceAsync(today.PeriodStart, CancellationToken.None);
        Assert.Equal(5, Assert.Single(stored).Taken);
    }

    [Fact]
    public async Task Uncapped_work_taken_earlier_in_a_batch_counts_against_a_cap_read_later_in_it()
    {
        var warnings = new Warnings<DecisionWriter>();
        await using var writer = new DecisionWriter(_world.Database, _world.Time, [], warnings);
        var today = new WorkCount("ana", "lead", "day", At(0).Date, 0);
        for (var i = 0; i < 3; i++)
        {
            await writer.CommitAsync("visitor", $"early{i}", Capped($"early{i}", today, null), default);
        }

        // One batch: a lead she owns by name (no cap, so no read), then two that round robin holds to five.
        var (held, release) = await HoldAsync(writer);
        var owned = writer.CommitAsync(
            "visitor",
            "owned",
            async (ledger, ct) =>
            {
                await ledger.Work.TakeAsync(today, null, ct);
                return Write("owned", "ana");
            },
            default
        );
        var first = writer.CommitAsync("visitor", "capped-1", Capped("capped-1", today, null), default);
        var second = writer.CommitAsync("visitor", "capped-2", Capped("capped-2", today, null), default);
        release();
        await Task.WhenAll(held, owned, first, second);

        Assert.Equal("ana", (await first).Decision.RepId);
        Assert.Null((await second).Decision.RepId);
        var stored = await new WorkCountStore(_world.Database).SinceAsync(today.PeriodStart, CancellationToken.None);
        Assert.Equal(5, Assert.Single(stored).Taken);
        // Counted right the first time: the store's check on the cap did not have to refuse the batch.
        Assert.Empty(warnings.Lines);
    }

    /// <summary>Gives ana a lead while she has fewer than five today; the gate holds it after reading.</summary>
    private Func<RoundRobinLedger, CancellationToken, Task<DecisionWrite>> Capped(
        string request,
        WorkCount today,
        CountdownEvent? gate
    ) =>
        async (ledger, ct) =>
        {
            var taken = await ledger.Work.TakenAsync(today, ct);
            if (gate is not null && !gate.IsSet)
            {
                gate.Signal();
                await Task.Run(() => gate.Wait(TimeSpan.FromSeconds(10)), ct);
            }

            if (taken >= 5)
            {
                return Write(request, null);
            }

            await ledger.Work.TakeAsync(today, 5, ct);
            return Write(request, "ana");
        };

    private DecisionWriter AnotherInstancesWriter() =>
        new(_world.AnotherConnectionToTheSameDatabase(), _world.Time, [], NullLogger<DecisionWriter>.Instance);

    private DecisionWriter Writer() =>
        new(_world.Database, _world.Time, [new Heard(_heard)], NullLogger<DecisionWriter>.Instance);

    /// <summary>A decision holding the writer until released, so the callers queued meanwhile share a batch.</summary>
    private async Task<(Task<RecordOutcome> Held, Action Release)> HoldAsync(DecisionWriter writer)
    {
        var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var entered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var held = writer.CommitAsync(
            "visitor",
            "hold",
            async (_, _) =>
            {
                entered.TrySetResult();
                await gate.Task;
                return Write("hold", null);
            },
            CancellationToken.None
        );
        await entered.Task.WaitAsync(TimeSpan.FromSeconds(30));
        return (held, () => gate.TrySetResult());
    }

    private Func<RoundRobinLedger, CancellationToken, Task<DecisionWrite>> Decide(
        string request,
        string rep,
        string? conversation = null
    ) =>
        (_, _) =>
            Task.FromResult(
                Write(request, rep) with
                {
                    Conversation = conversation is null
                        ? null
                        : new StoredConversation(conversation, "d", "Offered", rep, null, 1, "{}", At(0)),
                }
            );

    private Func<RoundRobinLedger, CancellationToken, Task<DecisionWrite>> Picking(string request) =>
        async (ledger, ct) => Write(request, await ledger.PickAsync("geo", [("ana", 2), ("ben", 1)], ct));

    private DecisionWrite Write(string request, string? rep) =>
        new(
            new StoredDecision(Guid.NewGuid().ToString("N"), "visitor", request, At(0), rep, "geo_pool", "{}"),
            [new NewEffect("hub.notify", $"{request}/notify", "{}")]
        );

    private DateTimeOffset At(int seconds) => _world.Time.GetUtcNow().AddSeconds(seconds);

    private OutboxStore Outbox() => new(_world.Database, _world.Time);

    private ConversationStore Conversations() => new(_world.Database, _world.Time);

    private RoundRobinStore RoundRobin() => new(_world.Database);

    private sealed class Heard(List<StoredDecision> heard) : IDecisionCommitted
    {
        public void Committed(IReadOnlyList<DecisionWrite> decisions)
        {
            lock (heard)
            {
                heard.AddRange(decisions.Select(d => d.Decision));
            }
        }
    }
}

public sealed class SqliteDecisionWriterTests() : DecisionWriterContract(StorageProvider.Sqlite);

public sealed class PostgresDecisionWriterTests() : DecisionWriterContract(StorageProvider.PostgreSql);
