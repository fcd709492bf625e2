using IntegrationHub.Bench;
using IntegrationHub.Bench.Figures;
using IntegrationHub.Bench.Hubs;
using IntegrationHub.Bench.Micro;
using IntegrationHub.Bench.Report;
using IntegrationHub.Sdk.Sandbox;
using IntegrationHub.Storage.Sql;
using IntegrationHub.Testing;
using IntegrationHub.Testing.Redis;

// bench: `dotnet run -c Release --project bench/IntegrationHub.Bench` (full, a few minutes) or `-- --quick` (CI smoke
// check).
var settings = BenchSettings.FromArgs(args);
var table = new FigureTable();
var visitors = new Visitors(SandboxSeed.Load(Path.Combine(AppContext.BaseDirectory, "sandbox", "demo-seed.json")));
await using var vendors = await ExternalVendors.StartAsync();
BenchVendors.LiftRateLimits(vendors);
var policy = DemoPolicy.AlwaysOpen(TimeSpan.FromSeconds(30));

if (args.Contains("--profile") || args.Contains("--profile-postgres"))
{
    // A hub under steady RouteVisitor load for a minute, for dotnet-trace (see bench/README.md); warm-up included.
    var store = args.Contains("--profile-postgres") ? BenchVendors.PostgresConnectionString()?.Invoke() : null;
    await using var profiled = await BenchHubs.StartAsync(
        store is null ? "SQLite" : "PostgreSQL",
        1,
        BenchVendors.HubSettings(vendors, policy, store)
    );
    Console.WriteLine($"hub process {profiled.First.Id}: RouteVisitor load for 60 s");
    var perSecond = await Throughput.SustainAsync(
        profiled,
        visitors,
        settings with
        {
            Sustained = TimeSpan.FromSeconds(60),
        }
    );
    Console.WriteLine($"{perSecond:0} RouteVisitor/s");
    return 0;
}

if (args.Contains("--burst-memory"))
{
    // 7: resident memory around a burst of refused 25 MB bodies, under each garbage-collector setting (see
    // bench/README.md).
    foreach (
        var (gc, environment) in new (string, Dictionary<string, string>)[]
        {
            ("workstation, concurrent (the hub's setting)", []),
            (
                "server, DATAS (the web SDK's default)",
                new() { ["DOTNET_gcServer"] = "1", ["DOTNET_GCDynamicAdaptationMode"] = "1" }
            ),
            (
                "server, DATAS, GCConserveMemory=5",
                new()
                {
                    ["DOTNET_gcServer"] = "1",
                    ["DOTNET_GCDynamicAdaptationMode"] = "1",
                    ["DOTNET_GCConserveMemory"] = "5",
                }
            ),
        }
    )
    {
        var r = await BurstMemory.MeasureAsync(gc, environment, 25 * 1024 * 1024);
        table.Info(
            $"7. resident MB around the burst: {r.Gc}",
            $"{r.BeforeMb:0} / {r.PeakMb:0} / {r.AfterMb:0}",
            $"at rest / peak / 30 s after; {r.Refused} of {r.Calls} refused RESOURCE_EXHAUSTED; after / at rest "
                + $"{r.AfterMb / r.BeforeMb:0.00}"
        );
    }

    table.Print(Console.Out, $"IntegrationHub burst memory, {BenchVendors.Machine()}");
    return 0;
}

if (args.Contains("--metrics"))
{
    // 8 alone (see bench/README.md): GetRoutingMetrics with 100,000 stored decisions (2,000 with --quick).
    MetricsRows.Add(
        table,
        await MetricsAtScale.MeasureAsync(
            MetricsAtScale.DecisionsFor(settings),
            BenchVendors.HubSettings(vendors, policy, null)
        )
    );
    table.Print(Console.Out, $"IntegrationHub GetRoutingMetrics, {BenchVendors.Machine()}");
    return 0;
}

if (args.Contains("--visitors"))
{
    // 1 alone (see bench/README.md): RouteVisitor over the health check, on SQLite; with --postgres on PostgreSQL too.
    await using (var hubs = await BenchHubs.StartAsync("SQLite", 1, BenchVendors.HubSettings(vendors, policy, null)))
    {
        var r = await Throughput.MeasureAsync(hubs, visitors, settings);
        Rows.Throughput(table, hubs.Name, r);
        Rows.Cpu(table, hubs.Name, r);
    }

    if (args.Contains("--postgres") && BenchVendors.PostgresConnectionString() is { } store)
    {
        await using var hubs = await BenchHubs.StartAsync(
            "PostgreSQL",
            1,
            BenchVendors.HubSettings(vendors, policy, store())
        );
        var r = await Throughput.MeasureAsync(hubs, visitors, settings);
        Rows.Throughput(table, hubs.Name, r);
        Rows.Cpu(table, hubs.Name, r);
    }

    table.Print(Console.Out, $"IntegrationHub RouteVisitor, {BenchVendors.Machine()}");
    return 0;
}

if (args.Contains("--fanout"))
{
    // 2 alone (see bench/README.md): RouteVisitor's latency against its slowest vendor, on SQLite.
    await using var hubs = await BenchHubs.StartAsync("SQLite", 1, BenchVendors.HubSettings(vendors, policy, null));
    // Warm as in the full run, with figure 3: the office addresses' vendor calls first (addresses of their own, so
    // the fan-out's stay new).
    Rows.VendorCost(table, hubs.Name, await VendorCost.MeasureAsync(hubs, vendors, visitors, settings));
    Rows.FanOut(table, await FanOut.MeasureAsync(hubs, vendors, visitors, settings));
    table.Print(Console.Out, $"IntegrationHub fan-out, {BenchVendors.Machine()}");
    return 0;
}

if (args.Contains("--leads"))
{
    // 4 alone (see bench/README.md): lead routing and the delay to the CRM upsert, on SQLite.
    await using var hubs = await BenchHubs.StartAsync("SQLite", 1, BenchVendors.HubSettings(vendors, policy, null));
    Rows.Leads(table, await LeadRouting.MeasureAsync(hubs, vendors, settings), null);
    table.Print(Console.Out, $"IntegrationHub lead routing, {BenchVendors.Machine()}");
    return 0;
}

// 1–5 on the default store: SQLite, one instance.
await using (
    var hubs = await BenchHubs.StartAsync("SQLite", 1, BenchVendors.HubSettings(vendors, policy, postgres: null))
)
{
    var cost = await VendorCost.MeasureAsync(hubs, vendors, visitors, settings);
    var throughput = await Throughput.MeasureAsync(hubs, visitors, settings);
    var fanOut = await FanOut.MeasureAsync(hubs, vendors, visitors, settings);
    var leads = await LeadRouting.MeasureAsync(hubs, vendors, settings);
    var sustained = await Throughput.SustainAsync(hubs, visitors, settings);
    var memory = HubMemory.Read(hubs.First.Id);
    var ceiling = await DurableCeiling.MeasureAsync(
        Database.Sqlite(Path.Combine(Path.GetTempPath(), $"bench-ceiling-{Guid.NewGuid():N}.db")),
        settings
    );
    Rows.Throughput(table, hubs.Name, throughput);
    Rows.Cpu(table, hubs.Name, throughput);
    Rows.Ceiling(table, hubs.Name, ceiling, throughput);
    Rows.FanOut(table, fanOut);
    Rows.VendorCost(table, hubs.Name, cost);
    Rows.Leads(table, leads, throughput);
    Rows.Memory(table, memory, sustained);
}

// 8: GetRoutingMetrics with many stored decisions, from the counters kept with each decision.
MetricsRows.Add(
    table,
    await MetricsAtScale.MeasureAsync(
        MetricsAtScale.DecisionsFor(settings),
        BenchVendors.HubSettings(vendors, policy, null)
    )
);

// 6: the same on PostgreSQL, with one instance and with two sharing it.
if (BenchVendors.PostgresConnectionString() is { } postgres)
{
    Throughput.Result one;
    await using (
        var hubs = await BenchHubs.StartAsync("PostgreSQL", 1, BenchVendors.HubSettings(vendors, policy, postgres()))
    )
    {
        Rows.VendorCost(table, hubs.Name, await VendorCost.MeasureAsync(hubs, vendors, visitors, settings));
        Rows.Throughput(table, hubs.Name, one = await Throughput.MeasureAsync(hubs, visitors, settings));
        Rows.Cpu(table, hubs.Name, one);
        Rows.Ceiling(table, hubs.Name, await DurableCeiling.MeasureAsync(Database.Postgres(postgres()), settings), one);
    }

    // Two instances share a real redis-server (Caching:Redis), as issue 20 item 3 deploys them.
    await using var redis = await RedisServer.StartAsync();
    await using (
        var hubs = await BenchHubs.StartAsync(
            "PostgreSQL, two instances",
            2,
            new Dictionary<string, string?>(BenchVendors.HubSettings(vendors, policy, postgres()))
            {
                ["Caching:Redis"] = redis.Configuration,
            }
        )
    )
    {
        Rows.VendorCost(table, hubs.Name, await VendorCost.MeasureAsync(hubs, vendors, visitors, settings));
        var two = await Throughput.MeasureAsync(hubs, visitors, settings);
        Rows.Throughput(table, hubs.Name, two);
        Rows.Scale(table, one, two);
    }
}
else
{
    table.Info(
        "PostgreSQL figures",
        "skipped",
        "no PostgreSQL binaries found (install postgresql, or set INTEGRATIONHUB_TEST_POSTGRES)"
    );
}

Rows.Engine(table, RoutingEngineRun.Run(settings));
table.Print(
    Console.Out,
    $"IntegrationHub benchmarks ({(settings.Quick ? "quick smoke check: timings mean nothing" : "full")}), "
        + $"{BenchVendors.Machine()}"
);
return 0;
