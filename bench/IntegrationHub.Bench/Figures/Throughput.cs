using Grpc.Health.V1;
using IntegrationHub.Bench.Hubs;
using IntegrationHub.Bench.Load;

namespace IntegrationHub.Bench.Figures;

/// <summary>
/// Figure 1: RouteVisitor requests per second with warm caches, over the same server's
/// grpc.health Check at the same concurrency. Health runs before and after, and the mean is
/// used, so drift on a shared machine during the run does not tilt the ratio.
/// </summary>
public static class Throughput
{
    /// <param name="RouteCpuMs">The hubs' CPU milliseconds per RouteVisitor answered (all hub processes).</param>
    /// <param name="HealthCpuMs">The same per health Check, over both health phases.</param>
    /// <param name="HealthBefore">Health checks per second before RouteVisitor's phase; the ratio uses the mean.
    /// </param>
    /// <param name="HealthAfter">And after it, while the accept timers of the warm-up's offers fire.</param>
    public sealed record Result(
        double RoutePerSecond,
        double HealthPerSecond,
        double RouteP50,
        int Errors,
        double RouteCpuMs,
        double HealthCpuMs,
        double HealthBefore,
        double HealthAfter
    )
    {
        public double Ratio => RoutePerSecond / HealthPerSecond;
    }

    public static async Task<Result> MeasureAsync(BenchHubs hubs, Visitors visitors, BenchSettings settings)
    {
        var route = OfficeVisitor(hubs, visitors);
        var health = (int i, CancellationToken ct) =>
            hubs.Health(i).CheckAsync(new HealthCheckRequest(), cancellationToken: ct).ResponseAsync;

        // Warm: every office address once, so enrichment and CRM answers come from the caches; then a phase of
        // RouteVisitor load that is not counted, so the runtime has compiled the hot path's optimised code (tiered
        // compilation) before the phase that is: the figure is the steady state, not the warm-up.
        await ClosedLoop.BurstAsync(visitors.Companies, settings.Concurrency, route);
        await ClosedLoop.RunAsync(settings.Concurrency, settings.Phase, route);

        var cpu0 = HubCpu.Seconds(hubs.ProcessIds);
        var before = await ClosedLoop.RunAsync(settings.Concurrency, settings.Phase, health);
        var cpu1 = HubCpu.Seconds(hubs.ProcessIds);
        var routed = await ClosedLoop.RunAsync(settings.Concurrency, settings.Phase, route);
        var cpu2 = HubCpu.Seconds(hubs.ProcessIds);
        var after = await ClosedLoop.RunAsync(settings.Concurrency, settings.Phase, health);
        var cpu3 = HubCpu.Seconds(hubs.ProcessIds);
        return new Result(
            routed.PerSecond,
            (before.PerSecond + after.PerSecond) / 2,
            routed.Percentile(50),
            routed.Errors + before.Errors + after.Errors,
            1000 * (cpu2 - cpu1) / Math.Max(1, routed.Answered),
            1000 * (cpu1 - cpu0 + cpu3 - cpu2) / Math.Max(1, before.Answered + after.Answered),
            before.PerSecond,
            after.PerSecond
        );
    }

    /// <summary>The sustained phase before memory is read: RouteVisitor load for the configured time.</summary>
    public static async Task<double> SustainAsync(BenchHubs hubs, Visitors visitors, BenchSettings settings) =>
        (await ClosedLoop.RunAsync(settings.Concurrency, settings.Sustained, OfficeVisitor(hubs, visitors))).PerSecond;

    /// <summary>
    /// Caller i routes a visitor from the office of company i (mod the number of companies): warm-cache traffic.
    /// </summary>
    private static Func<int, CancellationToken, Task> OfficeVisitor(BenchHubs hubs, Visitors visitors) =>
        (i, ct) => hubs.Routing(i).RouteVisitorAsync(visitors.FromOffice(i, i), cancellationToken: ct).ResponseAsync;
}
