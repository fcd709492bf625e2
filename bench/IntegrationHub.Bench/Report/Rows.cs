using IntegrationHub.Bench.Figures;
using IntegrationHub.Bench.Micro;
using static IntegrationHub.Bench.Report.FigureTable;

namespace IntegrationHub.Bench.Report;

/// <summary>How each figure is written into the table, with its target from the benchmark issue.</summary>
public static class Rows
{
    public static void Throughput(FigureTable table, string store, Throughput.Result r) =>
        table.Ratio(
            $"1. RouteVisitor / health Check req/s ({store})",
            r.Ratio,
            0.6,
            atLeast: true,
            $"{r.RoutePerSecond:0} vs {r.HealthPerSecond:0} req/s at the same concurrency, warm caches; RouteVisitor "
                + $"p50 {Format(r.RouteP50)} ms; {r.Errors} errors"
        );

    public static void FanOut(FigureTable table, FanOut.Result r)
    {
        table.Ratio(
            "2. fan-out p50 / slowest vendor",
            r.P50Ratio,
            1.10,
            atLeast: false,
            $"vendors at 20/40/80 ms (6sense/Salesforce/Outreach), visitors with email from new addresses, 4 at a "
                + $"time; p50 {Format(r.P50)} ms; {r.Errors} errors"
        );
        table.Info("2. fan-out p99 / slowest vendor", Format(r.P99Ratio), $"p99 {Format(r.P99)} ms");
    }

    public static void VendorCost(FigureTable table, string store, VendorCost.Result r)
    {
        // Each instance has its own cache, so two instances may each ask once.
        var target = store.Contains("two", StringComparison.Ordinal) ? 2.0 : 1.0;
        var note =
            $"{r.Visitors} visitors from {r.Companies} companies at once, cold caches, counted at the fakes; "
            + $"{r.Errors} errors"
            + (target > 1 ? "; caches are per instance, so the bound is one call per company per instance" : "");
        table.Ratio($"3. reverse-IP calls / K ({store})", r.EnrichmentPerCompany, target, atLeast: false, note);
        table.Ratio($"3. CRM account calls / K ({store})", r.AccountPerCompany, target, atLeast: false, note);
    }

    public static void Leads(FigureTable table, LeadRouting.Result r, Throughput.Result visitors)
    {
        table.Info(
            "4. RouteLead req/s (SQLite)",
            $"{r.PerSecond:0}",
            $"{Format(r.PerSecond / visitors.HealthPerSecond)} of health Check; each lead is a new company: CRM and "
                + $"sequencer look-ups, decision and 3 effects in the outbox; {r.Errors} errors"
        );
        table.Info(
            "4. decision → CRM upsert at the fake, p50 / p99 ms",
            $"{Format(r.DeliveryP50)} / {Format(r.DeliveryP99)}",
            $"{r.Delivered} upserts matched to their decision"
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
