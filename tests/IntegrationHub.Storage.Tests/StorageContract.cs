using IntegrationHub.Storage.Assignment;
using IntegrationHub.Storage.Conversations;
using IntegrationHub.Storage.Credentials;
using IntegrationHub.Storage.Decisions;
using IntegrationHub.Storage.Leads;
using IntegrationHub.Storage.Migrations;
using IntegrationHub.Storage.Outbox;
using IntegrationHub.Storage.Presence;
using IntegrationHub.Storage.Scheduling;
using Microsoft.Extensions.Logging.Abstractions;

namespace IntegrationHub.Storage.Tests;

/// <summary>What every storage provider must do; run against SQLite and against a real PostgreSQL.</summary>
public abstract class StorageContract(StorageProvider provider) : IAsyncLifetime
{
    protected StorageWorld World { get; private set; } = null!;

    public async Task InitializeAsync() => World = await StorageWorld.CreateAsync(provider);

    public Task DisposeAsync() => Task.CompletedTask;

    private StoredDecision Decision(
        string request,
        string? rep = "rep-1",
        string rule = "geo_pool",
        DateTimeOffset? at = null
    ) =>
        new(
            Guid.CreateVersion7(at ?? World.Time.GetUtcNow()).ToString("N"),
            "lead",
            request,
            at ?? World.Time.GetUtcNow(),
            rep,
            rule,
            "{\"target\":\"" + rep + "\"}"
        );

    private DecisionWriter Writer(Sql.Database database) =>
        new(database, World.Time, [], NullLogger<DecisionWriter>.Instance);

    private static NewEffect[] Effects(string request) =>
        [new("crm.upsert_lead", $"{request}/upsert", "{}"), new("hub.notify", $"{request}/notify", "{}")];

    [Fact]
    public async Task Migrations_run_once_and_again_find_nothing_to_do()
    {
        var again = await new SchemaMigrator(
            World.Database,
            World.Time,
            NullLogger<SchemaMigrator>.Instance
        ).MigrateAsync(CancellationToken.None);
        Assert.Equal(0, again);
    }

    [Fact]
    public async Task Two_instances_migrating_a_fresh_database_at_once_apply_each_script_once()
    {
        var fresh = await StorageWorld.CreateAsync(provider);
        // Both see a fully migrated database afterwards and neither fails.
        var results = await Task.WhenAll(
            Enumerable
                .Range(0, 2)
                .Select(_ =>
                    new SchemaMigrator(
                        fresh.AnotherConnectionToTheSameDatabase(),
                        fresh.Time,
                        NullLogger<SchemaMigrator>.Instance
                    ).MigrateAsync(CancellationToken.None)
                )
        );
        Assert.Equal([0, 0], results);
    }

    [Fact]
    public async Task A_decision_is_recorded_with_its_effects_once_per_request()
    {
        var decisions = new DecisionStore(World.Database);
        await using var writer = Writer(World.Database);
        var outbox = new OutboxStore(World.Database, World.Time);
        var first = await writer.RecordAsync(Decision("req-1"), Effects("req-1"), CancellationToken.None);
        var second = await writer.RecordAsync(
            Decision("req-1", rep: "rep-2"),
            Effects("req-1"),
            CancellationToken.None
        );

        Assert.True(first.Recorded);
        Assert.False(second.Recorded);
        Assert.Equal(first.Decision.Id, second.Decision.Id);
        Assert.Equal("rep-1", (await decisions.GetAsync(first.Decision.Id, CancellationToken.None))?.RepId);
        Assert.Equal(2, (await outbox.ListAsync(EffectState.Pending, 100, CancellationToken.None)).Count);
    }

    [Fact]
    public async Task A_burst_of_the_same_request_from_two_instances_records_one_decision_and_one_set_of_effects()
    {
        await using var one = Writer(World.Database);
        await using var another = Writer(World.AnotherConnectionToTheSameDatabase());
        var instances = new[] { one, another };
        var outcomes = await Task.WhenAll(
            Enumerable
                .Range(0, 16)
                .Select(i => instances[i % 2].RecordAsync(Decision("burst"), Effects("burst"), CancellationToken.None))
        );

        Assert.Single(outcomes, o => o.Recorded);
        Assert.Single(outcomes.Select(o => o.Decision.Id).Distinct());
        Assert.Equal(
            2,
            (
                await new OutboxStore(World.Database, World.Time).ListAsync(
                    EffectState.Pending,
                    100,
                    CancellationToken.None
                )
            ).Count
        );
    }

    [Fact]
    public async Task Decisions_list_newest_first_by_window_rep_and_rule_in_pages()
    {
        var decisions = new DecisionStore(World.Database);
        await using var writer = Writer(World.Database);
        var start = World.Time.GetUtcNow();
        for (var i = 0; i < 7; i++)
        {
            await writer.RecordAsync(
                Decision(
                    $"list-{i}",
                    rep: i % 2 == 0 ? "even" : "odd",
                    rule: i < 3 ? "click_through" : "geo_pool",
                    at: start.AddMinutes(i)
                ),
                [],
                CancellationToken.None
            );
        }

        var page1 = await decisions.ListAsync(new DecisionQuery(PageSize: 3), CancellationToken.None);
        var page2 = await decisions.ListAsync(
            new DecisionQuery(PageSize: 3, PageToken: page1.NextPageToken),
            CancellationToken.None
        );
        Assert.Equal(["list-6", "list-5", "list-4"], page1.Decisions.Select(d => d.RequestId));
        Assert.Equal(["list-3", "list-2", "list-1"], page2.Decisions.Select(d => d.RequestId));
        Assert.Equal(
            4,
            (await decisions.ListAsync(new DecisionQuery(RepId: "even"), CancellationToken.None)).Decisions.Count
        );
        Assert.Equal(
            3,
            (await decisions.ListAsync(new DecisionQuery(Rule: "click_through"), CancellationToken.None))
                .Decisions
                .Count
        );
        Assert.Equal(
            ["list-3", "list-2"],
            (
                await decisions.ListAsync(
                    new DecisionQuery(From: start.AddMinutes(2), To: start.AddMinutes(4)),
                    CancellationToken.None
                )
            ).Decisions.Select(d => d.RequestId)
        );
    }

    [Fact]
    public async Task A_claimed_effect_is_leased_until_delivered_or_the_lease_runs_out()
    {
        var outbox = new OutboxStore(World.Database, World.Time);
        await outbox.EnqueueAsync(Effects("lease"), CancellationToken.None);

        var mine = await outbox.ClaimAsync("a", TimeSpan.FromSeconds(30), 10, CancellationToken.None);
        var theirs = await outbox.ClaimAsync("b", TimeSpan.FromSeconds(30), 10, CancellationToken.None);
        Assert.Equal(2, mine.Count);
        Assert.Empty(theirs);

        Assert.True(await outbox.MarkDeliveredAsync(mine[0].Id, "a", CancellationToken.None));
        World.Time.Advance(TimeSpan.FromSeconds(31));
        var reclaimed = Assert.Single(
            await outbox.ClaimAsync("b", TimeSpan.FromSeconds(30), 10, CancellationToken.None)
        );
        Assert.Equal(mine[1].Id, reclaimed.Id);
        Assert.Equal(2, reclaimed.Attempts);
        Assert.False(await outbox.MarkDeliveredAsync(reclaimed.Id, "a", CancellationToken.None));
        Assert.True(await outbox.MarkDeliveredAsync(reclaimed.Id, "b", CancellationToken.None));
    }

    [Fact]
    public async Task An_urgent_effect_is_claimed_before_older_ones_and_the_rest_oldest_due_first()
    {
        var outbox = new OutboxStore(World.Database, World.Time);
        foreach (
            var effect in new[]
            {
                new NewEffect("sequencer.enroll", "burst/1/enroll", "{}"),
                new NewEffect("crm.status", "burst/1/status", "{}"),
                new NewEffect("crm.upsert_lead", "burst/2/upsert", "{}", EffectPriority.Urgent),
            }
        )
        {
            // A moment apart: effects enqueued in the same millisecond have no order among themselves.
            await outbox.EnqueueAsync([effect], CancellationToken.None);
            World.Time.Advance(TimeSpan.FromSeconds(1));
        }

        var first = Assert.Single(await outbox.ClaimAsync("a", TimeSpan.FromSeconds(30), 1, CancellationToken.None));
        var then = await outbox.ClaimAsync("a", TimeSpan.FromSeconds(30), 10, CancellationToken.None);

        Assert.Equal("burst/2/upsert", first.IdempotencyKey);
        Assert.Equal(["burst/1/enroll", "burst/1/status"], then.Select(e => e.IdempotencyKey));
    }

    [Fact]
    public async Task Deliveries_marked_together_mark_only_the_effects_whose_lease_is_still_the_owners()
    {
        var outbox = new OutboxStore(World.Database, World.Time);
        await outbox.EnqueueAsync(Effects("together"), CancellationToken.None);
        var first = await outbox.ClaimAsync("a", TimeSpan.FromSeconds(30), 1, CancellationToken.None);
        World.Time.Advance(TimeSpan.FromSeconds(31));
        // "a"'s lease on the first ran out and "b" took both; "a" marking both now marks neither.
        var both = await outbox.ClaimAsync("b", TimeSpan.FromSeconds(30), 10, CancellationToken.None);
        Assert.Equal(2, both.Count);

        Assert.Empty(await outbox.MarkDeliveredAsync([.. both.Select(e => e.Id)], "a", CancellationToken.None));
        var marked = await outbox.MarkDeliveredAsync([.. both.Select(e => e.Id)], "b", CancellationToken.None);

        Assert.Equal(both.Select(e => e.Id).Order(), marked.Order());
        Assert.Contains(first[0].Id, marked);
        Assert.Empty(await outbox.ClaimAsync("c", TimeSpan.FromSeconds(30), 10, CancellationToken.None));
        World.Time.Advance(TimeSpan.FromMinutes(5));
        Assert.Empty(await outbox.ClaimAsync("c", TimeSpan.FromSeconds(30), 10, CancellationToken.None));
    }

    [Fact]
    public async Task A_failed_effect_waits_for_its_retry_time_dies_after_the_last_attempt_and_can_be_retried()
    {
        var outbox = new OutboxStore(World.Database, World.Time);
        await outbox.EnqueueAsync([new NewEffect("crm.upsert_lead", "fail-1", "{}")], CancellationToken.None);
        var effect = Assert.Single(await outbox.ClaimAsync("a", TimeSpan.FromSeconds(30), 10, CancellationToken.None));
        await outbox.MarkFailedAsync(
            effect.Id,
            "a",
            "HTTP 503",
            World.Time.GetUtcNow().AddSeconds(5),
            dead: false,
            CancellationToken.None
        );

        Assert.Empty(await outbox.ClaimAsync("a", TimeSpan.FromSeconds(30), 10, CancellationToken.None));
        World.Time.Advance(TimeSpan.FromSeconds(6));
        effect = Assert.Single(await outbox.ClaimAsync("a", TimeSpan.FromSeconds(30), 10, CancellationToken.None));
        await outbox.MarkFailedAsync(
            effect.Id,
            "a",
            "HTTP 400",
            World.Time.GetUtcNow(),
            dead: true,
            CancellationToken.None
        );

        var dead = Assert.Single(await outbox.ListAsync(EffectState.Dead, 10, CancellationToken.None));
        Assert.Equal("HTTP 400", dead.LastError);
        Assert.True(await outbox.RetryDeadAsync(dead.Id, CancellationToken.None));
        Assert.Equal(
            0,
            Assert.Single(await outbox.ClaimAsync("a", TimeSpan.FromSeconds(30), 10, CancellationToken.None)).Attempts
                - 1
        );
    }

    [Fact]
    public async Task Released_leases_are_claimable_at_once_by_another_instance()
    {
        var outbox = new OutboxStore(World.Database, World.Time);
        await outbox.EnqueueAsync(Effects("release"), CancellationToken.None);
        await outbox.ClaimAsync("leaving", TimeSpan.FromMinutes(5), 10, CancellationToken.None);
        Assert.Equal(2, await outbox.ReleaseAsync("leaving", CancellationToken.None));
        Assert.Equal(
            2,
            (await outbox.ClaimAsync("staying", TimeSpan.FromMinutes(5), 10, CancellationToken.None)).Count
        );
    }

    [Fact]
    public async Task Concurrent_claimers_on_two_instances_each_get_different_effects()
    {
        var seed = new OutboxStore(World.Database, World.Time);
        await seed.EnqueueAsync(
            [.. Enumerable.Range(0, 60).Select(i => new NewEffect("t", $"race-{i}", "{}"))],
            CancellationToken.None
        );
        var stores = new[] { seed, new OutboxStore(World.AnotherConnectionToTheSameDatabase(), World.Time) };

        var claims = await Task.WhenAll(
            Enumerable
                .Range(0, 12)
                .Select(i =>
                    stores[i % 2].ClaimAsync($"worker-{i}", TimeSpan.FromMinutes(1), 5, CancellationToken.None)
                )
        );

        var ids = claims.SelectMany(c => c.Select(e => e.Id)).ToList();
        Assert.Equal(60, ids.Count);
        Assert.Equal(60, ids.Distinct().Count());
    }

    [Fact]
    public async Task Round_robin_stays_fair_under_a_concurrent_burst_from_two_instances()
    {
        var stores = new[]
        {
            new RoundRobinStore(World.Database),
            new RoundRobinStore(World.AnotherConnectionToTheSameDatabase()),
        };
        (string, int)[] members = [("a", 100), ("b", 100), ("c", 100), ("d", 100)];
        await Task.WhenAll(
            Enumerable.Range(0, 120).Select(i => stores[i % 2].PickAsync("pool", members, CancellationToken.None))
        );

        var counts = await stores[0].CountsAsync("pool", CancellationToken.None);
        Assert.All(counts.Values, c => Assert.Equal(30, c));
    }

    [Fact]
    public async Task Round_robin_follows_weights_and_never_picks_weight_zero()
    {
        var store = new RoundRobinStore(World.Database);
        (string, int)[] members = [("expert", 100), ("ramping", 50), ("onboarding", 0)];
        for (var i = 0; i < 30; i++)
        {
            await store.PickAsync("leads", members, CancellationToken.None);
        }

        var counts = await store.CountsAsync("leads", CancellationToken.None);
        Assert.Equal(20, counts["expert"]);
        Assert.Equal(10, counts["ramping"]);
        Assert.False(counts.ContainsKey("onboarding"));
        Assert.Null(await store.PickAsync("leads", [("onboarding", 0)], CancellationToken.None));
    }

    [Fact]
    public async Task A_lead_status_moves_once_under_concurrent_events_from_two_instances_with_one_crm_update()
    {
        var stores = new[]
        {
            new LeadEnrollmentStore(World.Database, World.Time),
            new LeadEnrollmentStore(World.AnotherConnectionToTheSameDatabase(), World.Time),
        };
        await stores[0].LinkAsync("state-7", "hub-abc", "{}", "Accepted", CancellationToken.None);
        await stores[1].LinkAsync("state-7", "hub-other", "{}", "Mql", CancellationToken.None);

        var moved = await Task.WhenAll(
            Enumerable
                .Range(0, 10)
                .Select(i =>
                    stores[i % 2]
                        .TryAdvanceAsync(
                            "state-7",
                            ["Mql", "Accepted"],
                            "Qualifying",
                            e => new NewEffect(
                                "crm.set_lead_status",
                                $"lifecycle/{e.EnrollmentId}/{e.Status}",
                                e.ExternalId
                            ),
                            CancellationToken.None
                        )
                )
        );
        var late = await stores[0]
            .TryAdvanceAsync(
                "state-7",
                ["Mql", "Accepted"],
                "Unresponsive",
                e => new NewEffect("x", "late", ""),
                CancellationToken.None
            );

        Assert.Equal(1, moved.Count(m => m));
        Assert.False(late);
        var lead = (await stores[1].GetAsync("state-7", CancellationToken.None))!;
        Assert.Equal(("hub-abc", "Qualifying"), (lead.ExternalId, lead.Status));
        var effect = Assert.Single(
            await new OutboxStore(World.Database, World.Time).ListAsync(
                EffectState.Pending,
                100,
                CancellationToken.None
            )
        );
        Assert.Equal(("lifecycle/state-7/Qualifying", "hub-abc"), (effect.IdempotencyKey, effect.Payload));
        Assert.False(
            await stores[0]
                .TryAdvanceAsync(
                    "unknown",
                    ["Mql"],
                    "Accepted",
                    e => new NewEffect("x", "y", ""),
                    CancellationToken.None
                )
        );
    }

    [Fact]
    public async Task Presence_keeps_the_current_status_and_its_history()
    {
        var presence = new PresenceStore(World.Database, World.Time);
        var start = World.Time.GetUtcNow();
        await presence.SetAsync("rep-1", "available", CancellationToken.None);
        World.Time.Advance(TimeSpan.FromMinutes(30));
        await presence.SetAsync("rep-1", "available", CancellationToken.None);
        await presence.SetAsync("rep-1", "away", CancellationToken.None);
        World.Time.Advance(TimeSpan.FromMinutes(10));

        Assert.Equal("away", Assert.Single(await presence.ListAsync(CancellationToken.None)).Status);
        var intervals = await presence.IntervalsAsync(start, World.Time.GetUtcNow(), CancellationToken.None);
        Assert.Equal(
            [("available", TimeSpan.FromMinutes(30)), ("away", TimeSpan.FromMinutes(10))],
            intervals.Select(i => (i.Status, i.End!.Value - i.Start))
        );
    }

    [Fact]
    public async Task A_timer_fires_once_even_with_several_instances_polling_and_moves_on_when_its_owner_dies()
    {
        var schedules = new[]
        {
            new ScheduleStore(World.Database, World.Time),
            new ScheduleStore(World.AnotherConnectionToTheSameDatabase(), World.Time),
        };
        await schedules[0]
            .ScheduleAsync(
                new ScheduledWork("offer/c1", "accept_timeout", "{}", World.Time.GetUtcNow().AddSeconds(30)),
                CancellationToken.None
            );
        Assert.Empty(await schedules[1].ClaimDueAsync("b", TimeSpan.FromSeconds(10), 10, CancellationToken.None));

        World.Time.Advance(TimeSpan.FromSeconds(30));
        var claims = await Task.WhenAll(
            Enumerable
                .Range(0, 6)
                .Select(i =>
                    schedules[i % 2].ClaimDueAsync($"i{i}", TimeSpan.FromSeconds(10), 10, CancellationToken.None)
                )
        );
        Assert.Equal(1, claims.Sum(c => c.Count));

        // The claimer dies without completing: after its lease, another instance fires it, once.
        World.Time.Advance(TimeSpan.FromSeconds(11));
        Assert.Single(
            await schedules[1].ClaimDueAsync("survivor", TimeSpan.FromSeconds(10), 10, CancellationToken.None)
        );
        Assert.True(await schedules[1].CompleteAsync("offer/c1", "survivor", CancellationToken.None));
        World.Time.Advance(TimeSpan.FromMinutes(5));
        Assert.Empty(await schedules[0].ClaimDueAsync("late", TimeSpan.FromSeconds(10), 10, CancellationToken.None));
    }

    [Fact]
    public async Task A_cancelled_timer_never_fires()
    {
        var schedule = new ScheduleStore(World.Database, World.Time);
        await schedule.ScheduleAsync(
            new ScheduledWork("offer/c2", "accept_timeout", "{}", World.Time.GetUtcNow().AddSeconds(30)),
            CancellationToken.None
        );
        Assert.True(await schedule.CancelAsync("offer/c2", CancellationToken.None));
        World.Time.Advance(TimeSpan.FromMinutes(1));
        Assert.Empty(await schedule.ClaimDueAsync("a", TimeSpan.FromSeconds(10), 10, CancellationToken.None));
    }

    [Fact]
    public async Task Timers_cancelled_by_a_key_prefix_stop_and_a_retried_timer_comes_due_again_with_its_new_payload()
    {
        var schedule = new ScheduleStore(World.Database, World.Time);
        var due = World.Time.GetUtcNow().AddMinutes(15);
        foreach (
            var key in new[] { "lead-sla/hub-a/d1", "lead-sla/hub-a/d2", "lead-sla/hub-ab/d3", "lead-sla/hub-b/d4" }
        )
        {
            await schedule.ScheduleAsync(new ScheduledWork(key, "lead_sla", "{}", due), CancellationToken.None);
        }

        Assert.Equal(2, await schedule.CancelAllAsync("lead-sla/hub-a/", CancellationToken.None));
        World.Time.Advance(TimeSpan.FromMinutes(15));
        var claimed = await schedule.ClaimDueAsync("a", TimeSpan.FromSeconds(15), 10, CancellationToken.None);
        Assert.Equal(
            ["lead-sla/hub-ab/d3", "lead-sla/hub-b/d4"],
            claimed.Select(w => w.Key).Order(StringComparer.Ordinal)
        );

        // A handler that cannot act now: not done, due again later, with what it recorded.
        Assert.True(
            await schedule.RetryAsync(
                "lead-sla/hub-b/d4",
                "a",
                "{\"deferred\":1}",
                due.AddMinutes(5),
                CancellationToken.None
            )
        );
        Assert.True(await schedule.CompleteAsync("lead-sla/hub-ab/d3", "a", CancellationToken.None));
        World.Time.Advance(TimeSpan.FromMinutes(4));
        Assert.Empty(await schedule.ClaimDueAsync("b", TimeSpan.FromSeconds(15), 10, CancellationToken.None));
        World.Time.Advance(TimeSpan.FromMinutes(1));
        var again = Assert.Single(
            await schedule.ClaimDueAsync("b", TimeSpan.FromSeconds(15), 10, CancellationToken.None)
        );
        Assert.Equal(("lead-sla/hub-b/d4", "{\"deferred\":1}"), (again.Key, again.Payload));
    }

    [Fact]
    public async Task Of_many_racers_for_one_offer_exactly_one_wins()
    {
        var stores = new[]
        {
            new ConversationStore(World.Database, World.Time),
            new ConversationStore(World.AnotherConnectionToTheSameDatabase(), World.Time),
        };
        await stores[0]
            .CreateAsync(
                new StoredConversation(
                    "c1",
                    "d1",
                    "offered",
                    "rep-1",
                    World.Time.GetUtcNow().AddSeconds(30),
                    1,
                    "{}",
                    World.Time.GetUtcNow()
                ),
                CancellationToken.None
            );

        var results = await Task.WhenAll(
            Enumerable
                .Range(0, 10)
                .Select(i =>
                    stores[i % 2]
                        .TryUpdateAsync(
                            "c1",
                            1,
                            i % 3 == 0 ? "with_ai_rep" : "accepted",
                            $"rep-{i}",
                            null,
                            "{}",
                            CancellationToken.None
                        )
                )
        );

        var winner = Assert.Single(results, r => r is not null)!;
        Assert.Equal(2, winner.Version);
        Assert.Equal(winner.RepId, (await stores[0].GetAsync("c1", CancellationToken.None))?.RepId);
    }

    [Fact]
    public async Task An_idempotency_key_keeps_its_first_value_until_it_expires()
    {
        var store = new IdempotencyStore(World.Database, World.Time);
        Assert.Equal(
            "first",
            await store.PutIfAbsentAsync("k", "first", TimeSpan.FromMinutes(1), CancellationToken.None)
        );
        Assert.Equal(
            "first",
            await store.PutIfAbsentAsync("k", "second", TimeSpan.FromMinutes(1), CancellationToken.None)
        );
        World.Time.Advance(TimeSpan.FromMinutes(2));
        Assert.Null(await store.GetAsync("k", CancellationToken.None));
        Assert.Equal(
            "third",
            await store.PutIfAbsentAsync("k", "third", TimeSpan.FromMinutes(1), CancellationToken.None)
        );
    }

    [Fact]
    public async Task A_rotated_credential_written_by_one_instance_is_read_by_another_and_replaces_the_old_one()
    {
        var first = new CredentialStore(World.Database, World.Time);
        var second = new CredentialStore(World.AnotherConnectionToTheSameDatabase(), World.Time);
        Assert.Null(await second.GetAsync("Outreach", "refresh_token", CancellationToken.None));

        await first.SetAsync("Outreach", "refresh_token", "r1", CancellationToken.None);
        await second.SetAsync("Outreach", "refresh_token", "r2", CancellationToken.None);
        await second.SetAsync("Zoom", "refresh_token", "z1", CancellationToken.None);

        Assert.Equal("r2", await first.GetAsync("Outreach", "refresh_token", CancellationToken.None));
        Assert.Equal("z1", await first.GetAsync("Zoom", "refresh_token", CancellationToken.None));
    }

    [Fact]
    public async Task A_credential_lock_is_held_by_one_instance_at_a_time_and_the_next_holder_reads_what_was_stored()
    {
        var first = new CredentialStore(World.Database, World.Time);
        var second = new CredentialStore(World.AnotherConnectionToTheSameDatabase(), World.Time);
        await first.SetAsync("Outreach", "refresh_token", "r1", CancellationToken.None);

        Task<CredentialLease> waiting;
        await using (var lease = await first.LockAsync("Outreach", CancellationToken.None))
        {
            Assert.Equal("r1", lease.Values["refresh_token"]);
            waiting = second.LockAsync("Outreach", CancellationToken.None);
            // Another connector's lock is free, and the second instance's database answers meanwhile.
            await using (var other = await second.LockAsync("Zoom", CancellationToken.None))
            {
                Assert.Empty(other.Values);
            }

            Assert.False(waiting.IsCompleted, "the second instance took the lock the first one holds");
            await lease.StoreAsync(
                new Dictionary<string, string> { ["refresh_token"] = "r2", ["access_token"] = "a2" }
            );
        }

        await using var next = await waiting.WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal("r2", next.Values["refresh_token"]);
        Assert.Equal("a2", next.Values["access_token"]);
        Assert.Equal("r2", await first.GetAsync("Outreach", "refresh_token", CancellationToken.None));
    }

    [Fact]
    public async Task A_credential_lease_released_without_storing_keeps_the_old_credentials()
    {
        var store = new CredentialStore(World.Database, World.Time);
        await store.SetAsync("Outreach", "refresh_token", "r1", CancellationToken.None);
        await using (await store.LockAsync("Outreach", CancellationToken.None)) { }

        await using var again = await store
            .LockAsync("Outreach", CancellationToken.None)
            .WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal("r1", again.Values["refresh_token"]);
    }

    [Fact]
    public async Task Dead_letters_page_by_id_and_filter_by_type_and_are_counted()
    {
        var outbox = new OutboxStore(World.Database, World.Time);
        await outbox.EnqueueAsync([.. Effects("a"), .. Effects("b"), .. Effects("c")], CancellationToken.None);
        foreach (var effect in await outbox.ClaimAsync("me", TimeSpan.FromMinutes(1), 10, CancellationToken.None))
        {
            await outbox.MarkFailedAsync(
                effect.Id,
                "me",
                "refused",
                World.Time.GetUtcNow(),
                dead: true,
                CancellationToken.None
            );
        }

        var firstPage = await outbox.ListAsync(
            EffectState.Dead,
            2,
            "crm.upsert_lead",
            afterId: null,
            CancellationToken.None
        );
        var secondPage = await outbox.ListAsync(
            EffectState.Dead,
            2,
            "crm.upsert_lead",
            firstPage[^1].Id,
            CancellationToken.None
        );

        // Effects enqueued in one millisecond have no order among themselves; paging must still see each once.
        Assert.Equal(2, firstPage.Count);
        Assert.Equal(
            ["a/upsert", "b/upsert", "c/upsert"],
            firstPage.Concat(secondPage).Select(e => e.IdempotencyKey).Order(StringComparer.Ordinal)
        );
        Assert.Equal(6, await outbox.CountAsync(EffectState.Dead, CancellationToken.None));
        Assert.Equal(0, await outbox.CountAsync(EffectState.Pending, CancellationToken.None));
    }

    [Fact]
    public async Task Expired_idempotency_entries_are_purged_a_bounded_batch_at_a_time_and_live_ones_kept()
    {
        var store = new IdempotencyStore(World.Database, World.Time);
        foreach (var key in new[] { "webhook/a", "webhook/b", "webhook/c" })
        {
            await store.PutIfAbsentAsync(key, "applied", TimeSpan.FromMinutes(1), CancellationToken.None);
        }

        await store.PutIfAbsentAsync("webhook/live", "applied", TimeSpan.FromHours(1), CancellationToken.None);
        World.Time.Advance(TimeSpan.FromMinutes(2));

        Assert.Equal(2, await store.PurgeExpiredAsync(most: 2, CancellationToken.None));
        Assert.Equal(1, await store.PurgeExpiredAsync(most: 2, CancellationToken.None));
        Assert.Equal(0, await store.PurgeExpiredAsync(most: 2, CancellationToken.None));
        Assert.Equal("applied", await store.GetAsync("webhook/live", CancellationToken.None));
    }
}

public sealed class SqliteStorageTests() : StorageContract(StorageProvider.Sqlite);

public sealed class PostgresStorageTests() : StorageContract(StorageProvider.PostgreSql);
