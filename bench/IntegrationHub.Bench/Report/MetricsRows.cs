using IntegrationHub.Bench.Figures;
using static IntegrationHub.Bench.Report.FigureTable;

namespace IntegrationHub.Bench.Report;

/// <summary>Figure 8's rows: GetRoutingMetrics with many stored decisions (issue 20 item 4: p50 below 20 ms).</summary>
public static class MetricsRows
{
    public const double TargetMs = 20;

    public static void Add(FigureTable table, MetricsAtScale.Result r)
    {
        var today = r.Today.Percentile(50);
        table.Ratio(
            "8. GetRoutingMetrics p50 ms, today so far (the dashboard's window)",
            today,
            TargetMs,
            atLeast: false,
            $"{r.Decisions} decisions over 30 days stored through DecisionWriter in {r.Seeding.TotalSeconds:0} s; hub "
                + $"on that SQLite file, real gRPC channel, one caller; p99 {Format(r.Today.Percentile(99))} ms; "
                + $"{r.Today.Errors} errors"
        );
        table.Ratio(
            "8. GetRoutingMetrics p50 ms, the last 30 days",
            r.Month.Percentile(50),
            TargetMs,
            atLeast: false,
            $"every stored decision in the window; p99 {Format(r.Month.Percentile(99))} ms; {r.Month.Errors} errors"
        );
        table.Info(
            "8. GetRoutingMetrics from counters / walking today's decisions",
            Format(today / r.WalkTodayMs),
            $"the walk (every decision of the window and its conversation, as before the counters, in process: no "
                + $"gRPC hop) took {Format(r.WalkTodayMs)} ms on the same database"
        );
    }
}
