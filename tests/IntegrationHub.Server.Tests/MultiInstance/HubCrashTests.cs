using System.Collections.Concurrent;
using System.Diagnostics;
using Grpc.Core;
using IntegrationHub.Contracts.Routing.V1;
using IntegrationHub.Server.Tests.Hosting;
using IntegrationHub.Server.Tests.Routing;
using Xunit.Abstractions;

namespace IntegrationHub.Server.Tests.MultiInstance;

/// <summary>
/// A real hub process killed with SIGKILL in the middle of a burst of inbound leads, then
/// started again on the same database while the vendor fakes (outside the hub) keep their
/// state: no decision is lost or made twice, and every side effect lands exactly once in
/// effect. The figures are printed.
/// </summary>
public sealed class HubCrashTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Leads = 60;
    private const int KillAfter = 20;
    private ExternalVendors _vendors = null!;

    public async Task InitializeAsync() => _vendors = await ExternalVendors.StartAsync();

    public async Task DisposeAsync() => await _vendors.DisposeAsync();

    [Fact]
    public async Task Killing_the_hub_mid_burst_loses_no_decision_and_applies_every_side_effect_once()
    {
        var settings = new Dictionary<string, string?>(_vendors.Settings)
        {
            ["Storage:Sqlite:Path"] = Path.Combine(Path.GetTempPath(), $"hub-crash-{Guid.NewGuid():N}.db"),
            // A short lease, so the restarted hub takes over what the killed one had claimed within seconds.
            ["Storage:Outbox:Lease"] = "00:00:03",
            ["Storage:Outbox:PollInterval"] = "00:00:00.050",
            ["Storage:Outbox:BaseBackoff"] = "00:00:00.200",
            ["Storage:Outbox:MaxBackoff"] = "00:00:02",
        };
        var answered = new ConcurrentDictionary<int, string>();
        // Slow vendors, so deliveries are in flight when the hub dies.
        _vendors.Crm.Latency = _vendors.Sequencer.Latency = TimeSpan.FromMilliseconds(150);

        await using (var first = await HubProcess.StartAsync(settings))
        {
            var routing = new RoutingService.RoutingServiceClient(first.Channel);
            var next = -1;
            var senders = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
            {
                for (var i = Interlocked.Increment(ref next); i < Leads; i = Interlocked.Increment(ref next))
                {
                    try
                    {
                        answered[i] = (await routing.RouteLeadAsync(Request(i), deadline: DateTime.UtcNow.AddSeconds(20))).Decision.Id;
                    }
                    catch (RpcException)
                    {
                        // The hub died under this request; the caller retries it below with the same request id.
                    }
                }
            })).ToList();
            await SandboxHub.EventuallyAsync(() => answered.Count >= KillAfter, $"{KillAfter} leads answered");
            await first.KillAsync();
            await Task.WhenAll(senders);
        }

        var answeredBeforeKill = new Dictionary<int, string>(answered);
        var deliveredAtKill = _vendors.RawLeadUpserts + _vendors.RawEnrolments;
        var restartWatch = Stopwatch.StartNew();
        await using var second = await HubProcess.StartAsync(settings);
        var routingAgain = new RoutingService.RoutingServiceClient(second.Channel);
        var outbox = new OutboxService.OutboxServiceClient(second.Channel);
        var final = new ConcurrentDictionary<int, string>();
        // Every lead is sent again, as a caller that got no answer (or is unsure) would.
        await Parallel.ForEachAsync(Enumerable.Range(0, Leads), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (i, ct) =>
            final[i] = (await routingAgain.RouteLeadAsync(Request(i), cancellationToken: ct)).Decision.Id);

        await SandboxHub.EventuallyAsync(() => outbox.GetOutboxStats(new GetOutboxStatsRequest()) is { Pending: 0 }, "the outbox drained after the restart");
        var drained = restartWatch.Elapsed;
        var stored = (await routingAgain.ListDecisionsAsync(new ListDecisionsRequest { PageSize = 500 })).Decisions;
        var emails = Enumerable.Range(0, Leads).Select(Email).ToList();
        // Each lead makes three vendor writes: the upsert, the enrolment, and the upsert to Accepted after it.
        var raw = _vendors.RawLeadUpserts + _vendors.RawEnrolments;
        var line = $"[crash] leads {Leads}; answered before SIGKILL {answeredBeforeKill.Count}; vendor writes before it {deliveredAtKill}; decisions stored {stored.Count}; "
            + $"vendor writes raw {raw} for {3 * Leads} effects (redelivered and deduplicated by key {raw - 3 * Leads}); "
            + $"leads in the CRM once {emails.Count(e => _vendors.CrmLeads(e) == 1)}, enrolled once {emails.Count(e => _vendors.Enrolments(e) == 1)}; "
            + $"restart to drained {drained.TotalSeconds:F1} s";
        output.WriteLine(line);
        Console.WriteLine(line);

        Assert.All(answeredBeforeKill, a => Assert.Equal(a.Value, final[a.Key]));
        Assert.Equal(Leads, stored.Count);
        Assert.Equal(Leads, stored.Select(d => d.RequestId).Distinct().Count());
        Assert.Equal(Leads, final.Values.Distinct().Count());
        Assert.All(emails, e => Assert.Equal(1, _vendors.CrmLeads(e)));
        Assert.All(emails, e => Assert.Equal(1, _vendors.Enrolments(e)));
        Assert.Equal(0, (await outbox.GetOutboxStatsAsync(new GetOutboxStatsRequest())).Dead);
    }

    private static string Email(int i) => $"buyer{i}@crash-co-{i}.io";

    private static RouteLeadRequest Request(int i) =>
        new() { RequestId = $"crash-{i}", Lead = SandboxHub.Lead(Email(i), $"Crash Co {i}", "DE", "Engineer") };
}
