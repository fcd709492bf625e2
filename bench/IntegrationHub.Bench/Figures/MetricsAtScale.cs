using IntegrationHub.Bench.Load;
using IntegrationHub.Hub.Conversations;
using IntegrationHub.Hub.Decisions;
using IntegrationHub.Routing.Decisions;
using IntegrationHub.Routing.Rules;
using IntegrationHub.Storage.Conversations;
using IntegrationHub.Storage.Decisions;
using IntegrationHub.Storage.Metrics;
using IntegrationHub.Storage.Migrations;
using IntegrationHub.Storage.Sql;
using IntegrationHub.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using MetricsRequest = IntegrationHub.Contracts.Routing.V1.GetRoutingMetricsRequest;
using RoutingClient = IntegrationHub.Contracts.Routing.V1.RoutingService.RoutingServiceClient;
using Timestamp = Google.Protobuf.WellKnownTypes.Timestamp;

namespace IntegrationHub.Bench.Figures;

/// <summary>
/// Figure 8: GetRoutingMetrics with many stored decisions. Visitor decisions spread evenly over the last 30 days are
/// stored through the store's own write path (<see cref="DecisionWriter"/>, in its batches, each with its
/// conversation in its final state and the counters the hub keeps), a hub is started on that database, and the
/// dashboard's window (today so far) and a 30-day window are asked for over a real gRPC channel, one caller. Beside
/// it, the old way on the same database, in this process: every decision of the window read page by page, and each
/// one's conversation (what GetRoutingMetrics did before the counters, minus its gRPC hop).
/// </summary>
public static class MetricsAtScale
{
    private static readonly string[] Rules = ["geo_pool", "actively_working_account", "language", "sequence_click"];

    /// <summary>100,000 decisions for the full run, 2,000 for the quick smoke check.</summary>
    public static int DecisionsFor(BenchSettings settings) => settings.Quick ? 2_000 : 100_000;

    public sealed record Result(
        int Decisions,
        TimeSpan Seeding,
        LoadResult Today,
        LoadResult Month,
        double WalkTodayMs
    );

    public static async Task<Result> MeasureAsync(int decisions, IReadOnlyDictionary<string, string?> hubSettings)
    {
        var path = Path.Combine(Path.GetTempPath(), $"bench-metrics-{Guid.NewGuid():N}.db");
        var database = Database.Sqlite(path);
        var now = TimeProvider.System.GetUtcNow();
        await new SchemaMigrator(database, TimeProvider.System, NullLogger<SchemaMigrator>.Instance).MigrateAsync(
            CancellationToken.None
        );
        var seeding = System.Diagnostics.Stopwatch.StartNew();
        await using (
            var writer = new DecisionWriter(database, TimeProvider.System, [], NullLogger<DecisionWriter>.Instance)
        )
        {
            foreach (var chunk in Enumerable.Range(0, decisions).Chunk(2 * DecisionWriter.MaxBatch))
            {
                await Task.WhenAll(
                    chunk.Select(i =>
                        writer.CommitAsync(
                            "visitor",
                            $"bench-{i}",
                            (_, _) => Task.FromResult(Seed(i, decisions, now)),
                            CancellationToken.None
                        )
                    )
                );
            }
        }

        seeding.Stop();
        var dayStart = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero);
        // The 30 days start a minute after the counters' next hour: the worst case whatever the time of day the bench
        // runs at, since a window's partial first hour is counted from its decisions (59 minutes of them here), not
        // the counters.
        var monthStart = RoutingCount.HourOf(now.AddDays(-30)).AddHours(1).AddMinutes(1);
        var settings = new Dictionary<string, string?>(hubSettings) { ["Storage:Sqlite:Path"] = path };
        await using var hub = await HubProcess.StartAsync(settings);
        var routing = new RoutingClient(hub.Channel);
        Task Ask(DateTimeOffset from) =>
            routing
                .GetRoutingMetricsAsync(
                    new MetricsRequest
                    {
                        StartTime = Timestamp.FromDateTimeOffset(from),
                        EndTime = Timestamp.FromDateTimeOffset(TimeProvider.System.GetUtcNow().AddSeconds(1)),
                    }
                )
                .ResponseAsync;
        // Warm, uncounted, as figure 1 is: each window's path (the 30 days' edge reads decisions, today's does not)
        // until the runtime has compiled its optimised code, so the figure is the dashboard's steady state, not a cold
        // hub's first calls with tiered compilation competing for the same two cores.
        var warm = TimeSpan.FromSeconds(decisions >= 100_000 ? 5 : 1);
        await ClosedLoop.RunAsync(1, warm, (_, _) => Ask(dayStart));
        await ClosedLoop.RunAsync(1, warm, (_, _) => Ask(monthStart));
        var calls = decisions >= 100_000 ? 200 : 20;
        var today = await ClosedLoop.BurstAsync(calls, 1, (_, _) => Ask(dayStart));
        var month = await ClosedLoop.BurstAsync(calls, 1, (_, _) => Ask(monthStart));
        var walk = await ClosedLoop.BurstAsync(3, 1, (_, ct) =>
            WalkAsync(database, dayStart, TimeProvider.System.GetUtcNow(), ct)
        );
        return new Result(decisions, seeding.Elapsed, today, month, walk.Percentile(50));
    }

    /// <summary>
    /// Decision <paramref name="i"/> of <paramref name="count"/>, evenly spread over the 30 days before
    /// <paramref name="now"/>: most offered to a rep (accepted, declined or expired after a few seconds, the last
    /// half minute's still open), some to the AI rep; one in ten a pounce.
    /// </summary>
    private static DecisionWrite Seed(int i, int count, DateTimeOffset now)
    {
        var at = now - TimeSpan.FromDays(30) + TimeSpan.FromDays(30) * i / count;
        var rep = $"005SDR{i % 12 + 1:00}0000000YBA";
        var human = i % 5 != 0;
        var pounce = i % 10 == 3 ? "005BDR010000000YBA" : null;
        var rule = i % 7 == 0 ? null : Rules[i % Rules.Length];
        var decision = new VisitorDecision(
            Guid.CreateVersion7(at).ToString("N"),
            $"bench-{i}",
            at,
            human
                ? new RoutingTarget(TargetKind.HumanRep, rep, "Rep", "sdr-amer")
                : new RoutingTarget(TargetKind.AiRep),
            rule,
            new Explanation(
                [.. Rules.Select(r => new RuleEvaluation(r, RuleOutcome.NotMatched, $"{r} did not apply here", []))],
                [],
                [],
                pounce is null ? [] : [new Notification(pounce, "pounce")]
            ),
            false,
            "en",
            "AMER",
            rep
        );
        List<RoutingCount> counts = [.. DecisionTally.Of(decision)];
        if (!human)
        {
            return new DecisionWrite(decision.ToStored(""), [], Counts: counts);
        }

        var open = now - at < TimeSpan.FromSeconds(30);
        var outcome = (i % 10) switch
        {
            < 6 => DecisionTally.Accepted,
            < 8 => DecisionTally.Declined,
            _ => DecisionTally.Expired,
        };
        var answeredAt = at + TimeSpan.FromSeconds(i % 45 + 1);
        var conversation = new Conversation
        {
            Id = decision.Id,
            DecisionId = decision.Id,
            State =
                open ? ConversationState.Offered
                : outcome == DecisionTally.Accepted ? ConversationState.Accepted
                : ConversationState.WithAiRep,
            RepId = rep,
            OfferExpiresAt = open ? at + TimeSpan.FromSeconds(30) : null,
            PounceRepId = pounce,
            OfferOutcome = open ? null : outcome,
            OfferAnsweredAt = open ? null : answeredAt,
            CreatedAt = at,
            UpdatedAt = open ? at : answeredAt,
            Version = 1,
        };
        if (!open)
        {
            counts.AddRange(DecisionTally.Answer(conversation, pounce));
        }

        return new DecisionWrite(decision.ToStored(""), [], Opening.Of(conversation, null).Stored, Counts: counts);
    }

    /// <summary>The figures' cost before the counters: every decision of the window and its conversation.</summary>
    private static async Task WalkAsync(Database database, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        var decisions = new DecisionStore(database);
        var conversations = new ConversationStore(database, TimeProvider.System);
        string? token = null;
        do
        {
            var page = await decisions.ListAsync(new DecisionQuery(from, to, PageSize: 500, PageToken: token), ct);
            foreach (var stored in page.Decisions)
            {
                _ = stored.Visitor();
                _ = await conversations.GetAsync(stored.Id, ct) is { } c ? Conversation.FromStored(c) : null;
            }

            token = page.NextPageToken;
        } while (token is not null);
    }
}
