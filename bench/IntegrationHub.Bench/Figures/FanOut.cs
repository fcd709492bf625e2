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

    public sealed record Result(double P50, double P99, int Errors)
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
            var run = await ClosedLoop.BurstAsync(settings.FanOutRequests, 4, (i, ct) =>
                hubs.Routing(i).RouteVisitorAsync(visitors.Fresh(i), cancellationToken: ct).ResponseAsync
            );
            return new Result(run.Percentile(50), run.Percentile(99), run.Errors);
        }
        finally
        {
            vendors.Enrichment.Latency = vendors.Crm.Latency = vendors.Sequencer.Latency = TimeSpan.Zero;
        }
    }
}
