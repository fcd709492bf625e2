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
    public sealed record Result(double RoutePerSecond, double HealthPerSecond, double RouteP50, int Errors)
    {
        public double Ratio => RoutePerSecond / HealthPerSecond;
    }

    public static async Task<Result> MeasureAsync(BenchHubs hubs, Visitors visitors, BenchSettings settings)
    {
        // Warm: every office address once, so enrichment and CRM answers come from the caches.
        await ClosedLoop.BurstAsync(visitors.Companies, settings.Concurrency, (i, ct) => hubs.Routing(i).RouteVisitorAsync(visitors.FromOffice(i, i), cancellationToken: ct).ResponseAsync);

        var before = await ClosedLoop.RunAsync(settings.Concurrency, settings.Phase, (i, ct) => hubs.Health(i).CheckAsync(new HealthCheckRequest(), cancellationToken: ct).ResponseAsync);
        var route = await ClosedLoop.RunAsync(settings.Concurrency, settings.Phase, (i, ct) => hubs.Routing(i).RouteVisitorAsync(visitors.FromOffice(i, i), cancellationToken: ct).ResponseAsync);
        var after = await ClosedLoop.RunAsync(settings.Concurrency, settings.Phase, (i, ct) => hubs.Health(i).CheckAsync(new HealthCheckRequest(), cancellationToken: ct).ResponseAsync);
        return new Result(route.PerSecond, (before.PerSecond + after.PerSecond) / 2, route.Percentile(50), route.Errors + before.Errors + after.Errors);
    }

    /// <summary>The sustained phase before memory is read: RouteVisitor load for the configured time.</summary>
    public static async Task<double> SustainAsync(BenchHubs hubs, Visitors visitors, BenchSettings settings) =>
        (await ClosedLoop.RunAsync(settings.Concurrency, settings.Sustained, (i, ct) => hubs.Routing(i).RouteVisitorAsync(visitors.FromOffice(i, i), cancellationToken: ct).ResponseAsync)).PerSecond;
}
