using IntegrationHub.Bench.Hubs;
using IntegrationHub.Bench.Load;
using IntegrationHub.Contracts.Routing.V1;
using IntegrationHub.Testing;

namespace IntegrationHub.Bench.Figures;

/// <summary>
/// Figure 4: RouteLead throughput with the side effects going through the outbox, and the
/// delay from the decision to its CRM upsert arriving at the fake (p50, p99) — the outbox's
/// part — beside the delay from the caller's request, which adds the lead's vendor look-ups.
/// </summary>
public static class LeadRouting
{
    public sealed record Result(
        double PerSecond,
        double DeliveryP50,
        double DeliveryP99,
        double FromRequestP50,
        double DrainedSeconds,
        int Delivered,
        int Errors
    );

    public static async Task<Result> MeasureAsync(BenchHubs hubs, ExternalVendors vendors, BenchSettings settings)
    {
        // An uncounted burst first, drained, as figure 1 warms RouteVisitor: the lead path and the effect handlers
        // are compiled and their vendor connections open, so the figure is a running hub's, not a cold start's.
        await BurstAsync(hubs, Guid.NewGuid().ToString("N")[..8], settings, [], []);
        await DrainedAsync(hubs);
        var decided = new System.Collections.Concurrent.ConcurrentDictionary<string, DateTimeOffset>();
        var asked = new System.Collections.Concurrent.ConcurrentDictionary<string, DateTimeOffset>();
        var burst = System.Diagnostics.Stopwatch.StartNew();
        var load = await BurstAsync(hubs, Guid.NewGuid().ToString("N")[..8], settings, decided, asked);
        await DrainedAsync(hubs);
        var drained = burst.Elapsed;

        var delays = new List<double>();
        var fromRequest = new List<double>();
        var upserts = vendors
            .Crm.Requests.Where(r => r.RequestMessage?.Method == "PATCH")
            .Select(r => r.RequestMessage!)
            .ToList();
        foreach (var (email, at) in decided)
        {
            if (
                upserts.FirstOrDefault(m => m.Body?.Contains(email, StringComparison.OrdinalIgnoreCase) == true) is
                { } first
            )
            {
                delays.Add((Utc(first.DateTime) - at).TotalMilliseconds);
                fromRequest.Add((Utc(first.DateTime) - asked[email]).TotalMilliseconds);
            }
        }

        var delivery = new LoadResult(delays, 0, TimeSpan.FromSeconds(1));
        return new Result(
            load.PerSecond,
            delivery.Percentile(50),
            delivery.Percentile(99),
            new LoadResult(fromRequest, 0, TimeSpan.FromSeconds(1)).Percentile(50),
            drained.TotalSeconds,
            delays.Count,
            load.Errors
        );
    }

    private static Task<LoadResult> BurstAsync(
        BenchHubs hubs,
        string run,
        BenchSettings settings,
        System.Collections.Concurrent.ConcurrentDictionary<string, DateTimeOffset> decided,
        System.Collections.Concurrent.ConcurrentDictionary<string, DateTimeOffset> asked
    ) => ClosedLoop.BurstAsync(settings.Leads, settings.Concurrency, async (i, ct) =>
        {
            // A company of its own for each lead: the no-account path, upsert with owner and enrolment.
            var email = $"lead{i}@bench-{run}-{i}.io";
            // The hub runs on this machine's clock too (TimeProvider.System), so the two times compare.
            asked[email] = TimeProvider.System.GetUtcNow();
            var response = await hubs.Routing(i)
                .RouteLeadAsync(
                    new RouteLeadRequest
                    {
                        RequestId = $"{run}-{i}",
                        Lead = new LeadSubmission
                        {
                            Email = email,
                            FirstName = "Bench",
                            LastName = $"Lead{i}",
                            Company = $"Bench {run} {i}",
                            CountryCode = "DE",
                            Title = "Engineer",
                            LeadScore = 120,
                        },
                    },
                    cancellationToken: ct
                );
            decided[email] = response.Decision.CreateTime.ToDateTimeOffset();
        });

    private static async Task DrainedAsync(BenchHubs hubs)
    {
        var draining = System.Diagnostics.Stopwatch.StartNew();
        while (
            (await hubs.Outbox.GetOutboxStatsAsync(new GetOutboxStatsRequest())).Pending > 0
            && draining.Elapsed < TimeSpan.FromSeconds(120)
        )
        {
            await Task.Delay(200);
        }
    }

    private static DateTimeOffset Utc(DateTime at) =>
        at.Kind == DateTimeKind.Local ? at.ToUniversalTime() : DateTime.SpecifyKind(at, DateTimeKind.Utc);
}
