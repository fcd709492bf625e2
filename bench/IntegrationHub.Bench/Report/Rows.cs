using IntegrationHub.Bench.Figures;
using IntegrationHub.Bench.Micro;
using static IntegrationHub.Bench.Report.FigureTable;

namespace IntegrationHub.Bench.Report;

/// <summary>How each figure is written into the table, with its target from the benchmark issue.</summary>
public static class Rows
{
    /// <summary>Targets of this step (issue 20): 0.30 on SQLite, 0.20 on PostgreSQL; the goal stays 0.6.</summary>
    public static void Throughput(FigureTable table, string store, Throughput.Result r) =>
        table.Ratio(
            $"1. RouteVisitor / health Check req/s ({store})",
            r.Ratio,
            store.StartsWith("SQLite", StringComparison.Ordinal) ? 0.30 : 0.20,
            atLeast: true,
            $"{r.RoutePerSecond:0} vs {r.HealthPerSecond:0} req/s (health before {r.HealthBefore:0}, after "
                + $"{r.HealthAfter:0}) at the same concurrency, warm caches; RouteVisitor p50 {Format(r.RouteP50)} ms; "
                + $"{r.Errors} errors; goal 0.60"
        );

    /// <summary>What each request cost the hub in CPU: a request that got cheaper, not one that waited less.</summary>
    public static void Cpu(FigureTable table, string store, Throughput.Result r) =>
        table.Info(
            $"1. hub CPU ms per RouteVisitor / per health Check ({store})",
            $"{Format(r.RouteCpuMs)} / {Format(r.HealthCpuMs)}",
            "user + system time of the hub processes (/proc) over each phase, divided by the calls answered; the "
                + "machine has 2 cores shared with the load generator and the fakes"
        );

    /// <summary>The store's durable ceiling beside the health check, and how much of it RouteVisitor reached.</summary>
    public static void Ceiling(FigureTable table, string store, DurableCeiling.Result c, Throughput.Result r)
    {
        table.Info(
            $"1. durable ceiling ({store}): one-row transactions/s",
            $"{c.TransactionsPerSecond:0}",
            $"in process, same concurrency, a 400-byte row per transaction; RouteVisitor at "
                + $"{Format(r.RoutePerSecond / c.TransactionsPerSecond)} of it; {c.Errors} errors"
        );
        table.Info(
            $"1. durable ceiling ({store}): rows/s in batches",
            $"{c.RowsPerSecondInBatches:0}",
            $"in process, one writer, {DurableCeiling.BatchRows} rows per transaction; RouteVisitor at "
                + $"{Format(r.RoutePerSecond / c.RowsPerSecondInBatches)} of it"
        );
    }

    public static void FanOut(FigureTable table, FanOut.Result r)
    {
        table.Ratio(
            "2. fan-out p50 / slowest vendor",
            r.P50Ratio,
            1.05,
            atLeast: false,
            $"vendors at 20/40/80 ms (6sense/Salesforce/Outreach), visitors with email from new addresses, 4 at a "
                + $"time; p50 {Format(r.P50)} ms; {r.Errors} errors"
        );
        table.Info("2. fan-out p99 / slowest vendor", Format(r.P99Ratio), $"p99 {Format(r.P99)} ms");
        table.Info(
            "2. fan-out: slowest source as the hub timed it / the hub's own time, p50 ms",
            $"{Format(r.SlowestSourceP50)} / {Format(r.OwnP50)}",
            "from each decision's explanation: its slowest source's latency (the vendor's delay, HTTP and the fake's "
                + "own work), and the RouteVisitor latency seen by the caller minus it"
        );
    }

    public static void VendorCost(FigureTable table, string store, VendorCost.Result r)
    {
        // Two instances share a redis-server: the second cache level and a per-key lock make it one call per company.
        var shared = store.Contains("two", StringComparison.Ordinal);
        const double target = 1.0;
        var note =
            $"{r.Visitors} visitors from {r.Companies} companies at once, cold caches, counted at the fakes; "
            + $"{r.Errors} errors"
            + (shared ? "; the instances share one redis-server (Caching:Redis)" : "");
        table.Ratio($"3. reverse-IP calls / K ({store})", r.EnrichmentPerCompany, target, atLeast: false, note);
        table.Ratio($"3. CRM account calls / K ({store})", r.AccountPerCompany, target, atLeast: false, note);
    }

    public static void Leads(FigureTable table, LeadRouting.Result r, Throughput.Result? visitors)
    {
        var ofHealth = visitors is null ? "" : $"{Format(r.PerSecond / visitors.HealthPerSecond)} of health Check; ";
        table.Info(
            "4. RouteLead req/s (SQLite)",
            $"{r.PerSecond:0}",
            $"{ofHealth}each lead is a new company: CRM and sequencer look-ups, decision and 3 effects in the outbox; "
                + $"{r.Errors} errors"
        );
        // Issue 20's targets: 50 ms with a handful of leads (the quick run's 20), 150 ms under the 200-lead burst.
        table.Ratio(
            "4. decision → CRM upsert at the fake, p50 ms",
            r.DeliveryP50,
            r.Delivered <= 20 ? 50 : 150,
            atLeast: false,
            $"{r.Delivered} upserts matched to their decision; p99 {Format(r.DeliveryP99)} ms"
        );
        table.Info(
            "4. lead request → CRM upsert at the fake, p50 ms",
            Format(r.FromRequestP50),
            "from the caller sending RouteLead: adds the lead's CRM, sequencer and enrichment look-ups before the "
                + "decision"
        );
        table.Info(
            "4. burst sent and every effect delivered, s",
            $"{r.DrainedSeconds:0.0}",
            "the owner upserts go first (urgent); enrolments and status changes follow, polled every 200 ms"
        );
    }

    public static void Memory(FigureTable table, HubMemory.Reading memory, double sustainedPerSecond)
    {
        table.Info(
            "5. hub peak working set, MB",
            $"{memory.PeakMb:0}",
            "VmHWM of the hub process over the whole SQLite run"
        );
        table.Ratio(
            "5. hub working set after the sustained phase / 200 MB",
            memory.ResidentMb / 200,
            1.0,
            atLeast: false,
            $"{memory.ResidentMb:0} MB resident after RouteVisitor at {sustainedPerSecond:0} req/s"
        );
    }

    public static void Scale(FigureTable table, Throughput.Result one, Throughput.Result two) =>
        table.Info(
            "6. two instances / one, RouteVisitor req/s (PostgreSQL)",
            Format(two.RoutePerSecond / one.RoutePerSecond),
            $"{two.RoutePerSecond:0} vs {one.RoutePerSecond:0} req/s; both instances, the load generator, the fakes "
                + $"and PostgreSQL share this machine's cores"
        );

    public static void Engine(FigureTable table, RoutingEngineRun.Result r) =>
        table.Info(
            "5. routing engine alone: allocated bytes / mean µs per RouteVisitor",
            $"{r.AllocatedBytes:0} / {Format(r.MeanMicroseconds)}",
            "BenchmarkDotNet, in process, facts from memory (no gRPC, storage or HTTP)"
        );
}
