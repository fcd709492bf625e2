using System.Collections.Concurrent;
using System.Diagnostics;
using Grpc.Core;
using IntegrationHub.Contracts.Routing.V1;
using IntegrationHub.Server.Tests.Routing;
using IntegrationHub.Testing;
using Xunit.Abstractions;

namespace IntegrationHub.Server.Tests.MultiInstance;

/// <summary>
/// A real hub process under faults, with the vendor fakes outside it (they keep their state
/// when the hub dies): killed with SIGKILL in the middle of a burst of inbound leads and started
/// again on the same database, and a CRM that is down for a stretch. No decision is lost or
/// made twice and every side effect lands exactly once in effect. The figures are printed.
/// </summary>
public sealed class HubFaultTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Leads = 60;
    private const int KillAfter = 20;
    private ExternalVendors _vendors = null!;

    public async Task InitializeAsync() => _vendors = await ExternalVendors.StartAsync();

    public async Task DisposeAsync() => await _vendors.DisposeAsync();

    [Fact]
    public async Task Killing_the_hub_mid_burst_loses_no_decision_and_applies_every_side_effect_once()
    {
        var settings = Settings();
        var answered = new ConcurrentDictionary<int, string>();
        // Slow vendors, so deliveries are in flight when the hub dies.
        _vendors.Crm.Latency = _vendors.Sequencer.Latency = TimeSpan.FromMilliseconds(150);

        await using (var first = await HubProcess.StartAsync(settings))
        {
            var routing = new RoutingService.RoutingServiceClient(first.Channel);
            var next = -1;
            var senders = Enumerable
                .Range(0, 4)
                .Select(_ =>
                    Task.Run(async () =>
                    {
                        for (var i = Interlocked.Increment(ref next); i < Leads; i = Interlocked.Increment(ref next))
                        {
                            try
                            {
                                answered[i] = (
                                    await routing.RouteLeadAsync(
                                        Request(i),
                                        deadline: CallDeadline.In(TimeSpan.FromSeconds(20))
                                    )
                                )
                                    .Decision
                                    .Id;
                            }
                            catch (RpcException)
                            {
                                // The hub died under this request; the caller retries it below with the same request
                                // id.
                            }
                        }
                    })
                )
                .ToList();
            await SandboxHub.EventuallyAsync(
                () => answered.Count >= KillAfter,
                $"{KillAfter} leads answered",
                seconds: 60
            );
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
        await Parallel.ForEachAsync(
            Enumerable.Range(0, Leads),
            new ParallelOptions { MaxDegreeOfParallelism = 4 },
            async (i, ct) =>
                final[i] = (await routingAgain.RouteLeadAsync(Request(i), cancellationToken: ct)).Decision.Id
        );

        await SandboxHub.EventuallyAsync(
            () => outbox.GetOutboxStats(new GetOutboxStatsRequest()) is { Pending: 0 },
            "the outbox drained after the restart",
            seconds: 60
        );
        var drained = restartWatch.Elapsed;
        var stored = (await routingAgain.ListDecisionsAsync(new ListDecisionsRequest { PageSize = 500 })).Decisions;
        var emails = Enumerable.Range(0, Leads).Select(Email).ToList();
        // Each lead makes three vendor writes: the upsert, the enrolment, and the upsert to Accepted after it.
        var raw = _vendors.RawLeadUpserts + _vendors.RawEnrolments;
        var line =
            $"[crash] leads {Leads}; answered before SIGKILL {answeredBeforeKill.Count}; vendor writes before it "
            + $"{deliveredAtKill}; decisions stored {stored.Count}; "
            + $"vendor writes raw {raw} for {3 * Leads} effects (redelivered and deduplicated by key "
            + $"{raw - 3 * Leads}); "
            + $"leads in the CRM once {emails.Count(e => _vendors.CrmLeads(e) == 1)}, enrolled once "
            + $"{emails.Count(e => _vendors.Enrolments(e) == 1)}; "
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

    [Fact]
    public async Task A_crm_down_for_a_stretch_gets_every_lead_once_after_it_returns_and_routing_keeps_answering()
    {
        const int leads = 20;
        // Retries never run out here, however long routing under the outage takes on a slow machine.
        var settings = Settings();
        settings["Storage:Outbox:MaxAttempts"] = "100";
        // The outage opens the CRM's circuit breaker; a short break keeps the test short.
        settings["Connectors:Salesforce:Resilience:CircuitBreakDuration"] = "00:00:03";
        await using var hub = await HubProcess.StartAsync(settings);
        var routing = new RoutingService.RoutingServiceClient(hub.Channel);
        var outbox = new OutboxService.OutboxServiceClient(hub.Channel);

        _vendors.Crm.GoDown();
        var down = Stopwatch.StartNew();
        var answeredWhileDown = 0;
        for (var i = 0; i < leads; i++)
        {
            var decision = (
                await routing.RouteLeadAsync(
                    new RouteLeadRequest
                    {
                        RequestId = $"outage-{i}",
                        Lead = SandboxHub.Lead(OutageEmail(i), $"Outage Co {i}", "DE", "Engineer"),
                    }
                )
            ).Decision;
            answeredWhileDown += decision.Target.Kind == TargetKind.HumanRep ? 1 : 0;
        }

        var routingTime = down.Elapsed;
        var crmCallsWhileRouting = _vendors.Crm.Requests.Count();

        // Keep it down until the outbox has tried the CRM as well (a call after routing has ended
        // is a delivery), so the deliveries that land once it is back are retries. How long that
        // takes, with the circuit breaker holding calls back, is the machine's business.
        await SandboxHub.EventuallyAsync(
            () => _vendors.Crm.Requests.Count() > crmCallsWhileRouting,
            "a delivery refused by the CRM while it is down",
            seconds: 60
        );
        var attemptsWhileDown = _vendors.Crm.Requests.Count();
        var appliedWhileDown = Enumerable.Range(0, leads).Count(i => _vendors.CrmLeads(OutageEmail(i)) > 0);
        _vendors.Crm.ComeBack();
        var downFor = down.Elapsed;
        var back = Stopwatch.StartNew();
        await SandboxHub.EventuallyAsync(
            () => outbox.GetOutboxStats(new GetOutboxStatsRequest()) is { Pending: 0 },
            "the outbox drained after the CRM came back",
            seconds: 60
        );
        var drained = back.Elapsed;

        var once = Enumerable.Range(0, leads).Count(i => _vendors.CrmLeads(OutageEmail(i)) == 1);
        var stats = await outbox.GetOutboxStatsAsync(new GetOutboxStatsRequest());
        var line =
            $"[outage] CRM down {downFor.TotalSeconds:F1} s; leads {leads}, routed while down {answeredWhileDown} "
            + $"({routingTime.TotalMilliseconds / leads:F0} ms each); "
            + $"CRM requests refused while down {attemptsWhileDown}, leads applied while down {appliedWhileDown}; "
            + $"after it returned: in the CRM once {once}, twice or more "
            + $"{Enumerable.Range(0, leads).Count(i => _vendors.CrmLeads(OutageEmail(i)) > 1)}, lost {leads - once}, "
            + $"dead {stats.Dead}; "
            + $"drained {drained.TotalSeconds:F1} s after (the CRM circuit breaker, open during the outage, waits 3 "
            + $"s before trying again)";
        output.WriteLine(line);
        Console.WriteLine(line);

        Assert.Equal(leads, answeredWhileDown);
        Assert.Equal(0, appliedWhileDown);
        Assert.True(attemptsWhileDown > 0, "the hub called the CRM while it was down");
        Assert.Equal(leads, once);
        Assert.Equal(0, stats.Dead);
        Assert.All(Enumerable.Range(0, leads), i => Assert.Equal(1, _vendors.Enrolments(OutageEmail(i))));
    }

    private Dictionary<string, string?> Settings() =>
        _vendors.RestartableHubSettings("fault", maxBackoff: TimeSpan.FromSeconds(2));

    private static string Email(int i) => $"buyer{i}@crash-co-{i}.io";

    private static string OutageEmail(int i) => $"buyer{i}@outage-co-{i}.io";

    private static RouteLeadRequest Request(int i) =>
        new() { RequestId = $"crash-{i}", Lead = SandboxHub.Lead(Email(i), $"Crash Co {i}", "DE", "Engineer") };
}
