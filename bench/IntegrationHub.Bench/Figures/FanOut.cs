using IntegrationHub.Bench.Hubs;
using IntegrationHub.Bench.Load;
using IntegrationHub.Testing;

namespace IntegrationHub.Bench.Figures;

/// <summary>
/// Figure 2: each vendor delayed by its own fixed latency, visitors with an email from
/// addresses not seen before (so every source is asked), few at a time (latency, not queueing):
/// RouteVisitor's p50 and p99 over the slowest vendor's latency.
/// </summary>
public static class FanOut
{
    public static readonly TimeSpan EnrichmentLatency = TimeSpan.FromMilliseconds(20);
    public static readonly TimeSpan CrmLatency = TimeSpan.FromMilliseconds(40);
    public static readonly TimeSpan SequencingLatency = TimeSpan.FromMilliseconds(80);

    /// <param name="SlowestSourceP50">The p50 of each visitor's slowest source as the hub timed it (the vendor's
    /// latency plus HTTP and the fake's own work).</param>
    /// <param name="OwnP50">The p50 of each visitor's RouteVisitor latency minus its slowest source: the hub's own
    /// time around the fan-out (gRPC, reads, the decision's write).</param>
    public sealed record Result(double P50, double P99, int Errors, double SlowestSourceP50, double OwnP50)
    {
        public double P50Ratio => P50 / SequencingLatency.TotalMilliseconds;

        public double P99Ratio => P99 / SequencingLatency.TotalMilliseconds;
    }

    public static async Task<Result> MeasureAsync(
        BenchHubs hubs,
        ExternalVendors vendors,
        Visitors visitors,
        BenchSettings settings
    )
    {
        vendors.Enrichment.Latency = EnrichmentLatency;
        vendors.Crm.Latency = CrmLatency;
        vendors.Sequencer.Latency = SequencingLatency;
        try
        {
            var slowest = new System.Collections.Concurrent.ConcurrentBag<double>();
            var own = new System.Collections.Concurrent.ConcurrentBag<double>();
            var run = await ClosedLoop.BurstAsync(settings.FanOutRequests, 4, async (i, ct) =>
            {
                var started = System.Diagnostics.Stopwatch.GetTimestamp();
                var answer = await hubs.Routing(i).RouteVisitorAsync(visitors.Fresh(i), cancellationToken: ct);
                var elapsed = System.Diagnostics.Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                var source = answer.Decision.Explanation.Sources.Max(r => r.LatencyMs);
                slowest.Add(source);
                own.Add(elapsed - source);
            });
            return new Result(
                run.Percentile(50),
                run.Percentile(99),
                run.Errors,
                new Load.LoadResult([.. slowest], 0, TimeSpan.FromSeconds(1)).Percentile(50),
                new Load.LoadResult([.. own], 0, TimeSpan.FromSeconds(1)).Percentile(50)
            );
        }
        finally
        {
            vendors.Enrichment.Latency = vendors.Crm.Latency = vendors.Sequencer.Latency = TimeSpan.Zero;
        }
    }
}
