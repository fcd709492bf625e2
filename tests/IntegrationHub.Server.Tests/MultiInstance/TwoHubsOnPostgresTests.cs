using System.Collections.Concurrent;
using IntegrationHub.Contracts.Routing.V1;
using IntegrationHub.Server.Tests.Routing;
using IntegrationHub.Testing;
using IntegrationHub.Testing.Postgres;
using Xunit.Abstractions;

namespace IntegrationHub.Server.Tests.MultiInstance;

/// <summary>
/// Two real hub processes on one PostgreSQL database, sharing the vendor fakes as two
/// instances share the real vendors: one round robin between them, one decision per request,
/// each side effect delivered by one of them only, alerts that cross from one to the other, and
/// timers that fire on the survivor. The demo policy with every rep always in working hours and
/// a 2-second accept timeout, so the tests do not depend on the time of day they run at.
/// </summary>
public sealed class TwoHubsOnPostgresTests(ITestOutputHelper output) : IAsyncLifetime
{
    private ExternalVendors _vendors = null!;
    private HubProcess _a = null!;
    private HubProcess _b = null!;

    public async Task InitializeAsync()
    {
        _vendors = await ExternalVendors.StartAsync();
        var settings = new Dictionary<string, string?>(_vendors.Settings)
        {
            ["Storage:Provider"] = "PostgreSql",
            ["Storage:PostgreSql:ConnectionString"] = PostgresCluster.Shared.CreateDatabase("twohubs"),
            ["Storage:Outbox:PollInterval"] = "00:00:00.050",
            ["Routing:PolicyFile"] = DemoPolicy.AlwaysOpen(TimeSpan.FromSeconds(2)),
            // A new policy version must reach the other instance by its announcement, not the periodic check.
            ["Routing:PolicyRefreshInterval"] = "01:00:00",
        };
        var started = await Task.WhenAll(HubProcess.StartAsync(settings), HubProcess.StartAsync(settings));
        (_a, _b) = (started[0], started[1]);
    }

    public async Task DisposeAsync()
    {
        await _a.DisposeAsync();
        await _b.DisposeAsync();
        await _vendors.DisposeAsync();
    }

    [Fact]
    public async Task A_policy_published_on_one_instance_is_run_by_the_other_and_both_started_from_one_version()
    {
        var onA = new PolicyService.PolicyServiceClient(_a.Channel);
        var onB = new PolicyService.PolicyServiceClient(_b.Channel);
        // Both started with the same file at once: it is published once.
        var history = await onA.ListPolicyVersionsAsync(new ListPolicyVersionsRequest());
        Assert.Equal([1L], history.Versions.Select(v => v.Version));
        Assert.Equal(1, (await onB.GetPolicyAsync(new GetPolicyRequest())).Version);

        var policy = System.Text.Json.Nodes.JsonNode.Parse(
            (await onA.GetPolicyAsync(new GetPolicyRequest())).PolicyJson
        )!;
        policy["reps"]!
            .AsArray()
            .Add(
                System.Text.Json.Nodes.JsonNode.Parse(
                    """
                    { "id": "005NEW010000000YBA", "name": "New Hire", "email": "new.hire@hub.demo",
                      "routingLevel": "Onboarding", "timeZone": "Europe/Paris" }
                    """
                )
            );
        var published = await onA.PublishPolicyAsync(new PublishPolicyRequest { PolicyJson = policy.ToJsonString() });
        Assert.Equal(2, published.Version.Version);

        var presenceOnB = new PresenceService.PresenceServiceClient(_b.Channel);
        await SandboxHub.EventuallyAsync(
            () => presenceOnB.ListReps(new ListRepsRequest()).Reps.Any(r => r.RepId == "005NEW010000000YBA"),
            "instance B running the version published on A"
        );
        Assert.Equal(2, (await onB.GetPolicyAsync(new GetPolicyRequest())).Version);
    }

    [Fact]
    public async Task A_notification_from_a_lead_routed_on_one_instance_reaches_the_stream_held_on_the_other()
    {
        // Tiny Widgets is a paid customer: an SMB lead there is converted and its account owner notified.
        using var alerts = new PresenceService.PresenceServiceClient(_b.Channel).WatchRepAlerts(
            new WatchRepAlertsRequest { RepId = "005AE0010000000YAA" }
        );
        await alerts.ResponseHeadersAsync;

        var decision = (
            await new RoutingService.RoutingServiceClient(_a.Channel).RouteLeadAsync(
                new RouteLeadRequest
                {
                    RequestId = "cross-1",
                    Lead = SandboxHub.Lead("buyer@tinywidgets.io", "Tiny Widgets", "US"),
                }
            )
        ).Decision;

        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        Assert.True(await alerts.ResponseStream.MoveNext(limit.Token));
        Assert.Equal(AlertKind.Notification, alerts.ResponseStream.Current.Kind);
        Assert.Equal(decision.Id, alerts.ResponseStream.Current.DecisionId);
    }

    [Fact]
    public async Task A_visitor_routed_on_one_instance_is_offered_on_the_other_whose_timeout_fires_when_the_first_dies()
    {
        // A hub just started warms its connectors and reads the reps' calendars on its first decisions, which can
        // be late for them: wait for one made with every fact (from an address the vendor does not know), before
        // Olivia is available, so none of them is offered to her.
        await Eventually.HappensAsync(
            async () => !(await _b.RouteVisitorAsync("198.51.100.77", $"warm-{Guid.NewGuid():N}")).Degraded,
            "a decision on B made with every fact"
        );
        await new PresenceService.PresenceServiceClient(_a.Channel).SetRepPresenceAsync(
            new SetRepPresenceRequest { RepId = "005BDR010000000YBA", Status = PresenceStatus.Available }
        );
        using var alerts = new PresenceService.PresenceServiceClient(_a.Channel).WatchRepAlerts(
            new WatchRepAlertsRequest { RepId = "005BDR010000000YBA" }
        );
        await alerts.ResponseHeadersAsync;

        // Acme Corp is Actively Working with Olivia Brooks (005BDR010000000YBA) as its BDR.
        var decision = await _b.RouteVisitorAsync("203.0.113.5", "visitor-1");
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        // Olivia may also get a pounce alert (her account is on the site); the offer is the one that counts.
        do
        {
            Assert.True(await alerts.ResponseStream.MoveNext(limit.Token));
        } while (alerts.ResponseStream.Current.Kind != AlertKind.Offer);

        Assert.Equal(decision.ConversationId, alerts.ResponseStream.Current.ConversationId);

        // B set the 2-second accept timer and dies before it fires; A fires it: English goes to the AI rep.
        await _b.KillAsync();
        var conversations = new ConversationService.ConversationServiceClient(_a.Channel);
        await SandboxHub.EventuallyAsync(
            () =>
                conversations
                    .GetConversation(new GetConversationRequest { ConversationId = decision.ConversationId })
                    .Conversation.State == ConversationState.WithAiRep,
            "the offer handed to the AI rep by the surviving instance",
            seconds: 60
        );
    }

    [Fact]
    public async Task Leads_sent_to_both_instances_at_once_share_one_round_robin_one_decision_and_one_delivery_each()
    {
        const int leads = 36;
        var hubs = new[] { _a, _b };
        var decisions = new ConcurrentBag<Decision>();
        await Parallel.ForEachAsync(
            Enumerable.Range(0, leads),
            new ParallelOptions { MaxDegreeOfParallelism = 6 },
            async (i, ct) =>
            {
                var routing = new RoutingService.RoutingServiceClient(hubs[i % 2].Channel);
                var request = new RouteLeadRequest
                {
                    RequestId = $"pair-{i}",
                    Lead = SandboxHub.Lead(Email(i), $"Pair Co {i}", "DE", "Engineer"),
                };
                decisions.Add((await routing.RouteLeadAsync(request, cancellationToken: ct)).Decision);
                // The same request again, on the other instance: the first decision, not a second one.
                Assert.Equal(
                    decisions.Last(d => d.RequestId == request.RequestId).Id,
                    (
                        await new RoutingService.RoutingServiceClient(hubs[(i + 1) % 2].Channel).RouteLeadAsync(
                            request,
                            cancellationToken: ct
                        )
                    )
                        .Decision
                        .Id
                );
            }
        );

        var outbox = new OutboxService.OutboxServiceClient(_b.Channel);
        await SandboxHub.EventuallyAsync(
            () => outbox.GetOutboxStats(new GetOutboxStatsRequest()) is { Pending: 0 },
            "both dispatchers drained the outbox",
            seconds: 60
        );
        var weights = (await new PresenceService.PresenceServiceClient(_a.Channel).ListRepsAsync(new ListRepsRequest()))
            .Reps.Where(r => r.Pools.Contains("sdr-emea"))
            .ToDictionary(
                r => r.RepId,
                r =>
                    r.RoutingLevel switch
                    {
                        "Expert" => 100.0,
                        "Ramping" => 50.0,
                        _ => 0.0,
                    }
            );
        var counts = weights.Keys.ToDictionary(rep => rep, rep => decisions.Count(d => d.Target.RepId == rep));
        var line =
            "[two hubs] leads per rep (weight): "
            + string.Join(", ", counts.Select(c => $"{c.Key} {c.Value} ({weights[c.Key]})"))
            + $"; CRM upserts raw {_vendors.RawLeadUpserts} for {2 * leads} expected, enrolments raw "
            + $"{_vendors.RawEnrolments} for {leads}";
        output.WriteLine(line);
        Console.WriteLine(line);

        Assert.Equal(leads, decisions.Select(d => d.Id).Distinct().Count());
        Assert.Equal(leads, counts.Values.Sum());
        // Smooth weighted round robin: every rep within one lead of their weighted share.
        Assert.All(counts, c =>
            Assert.InRange(
                c.Value,
                (leads * weights[c.Key] / weights.Values.Sum()) - 1,
                (leads * weights[c.Key] / weights.Values.Sum()) + 1
            )
        );
        // Row-locked claims: no effect went out from both instances (upsert and Accepted status per lead, one
        // enrolment).
        Assert.Equal(2 * leads, _vendors.RawLeadUpserts);
        Assert.Equal(leads, _vendors.RawEnrolments);
        Assert.All(Enumerable.Range(0, leads), i => Assert.Equal(1, _vendors.Enrolments(Email(i))));
    }

    [Fact]
    public async Task Killing_one_instance_mid_burst_while_the_other_routes_loses_no_lead_and_repeats_no_side_effect()
    {
        const int leads = 40;
        const int killAfter = 12;
        // Slow vendors, so the instance that dies has deliveries in flight and effects claimed.
        _vendors.Crm.Latency = _vendors.Sequencer.Latency = TimeSpan.FromMilliseconds(150);
        var answered = new ConcurrentDictionary<int, string>();
        var failedOver = 0;
        var next = -1;
        var senders = Enumerable
            .Range(0, 4)
            .Select(_ =>
                Task.Run(async () =>
                {
                    for (var i = Interlocked.Increment(ref next); i < leads; i = Interlocked.Increment(ref next))
                    {
                        var request = new RouteLeadRequest
                        {
                            RequestId = $"burst-{i}",
                            Lead = SandboxHub.Lead(BurstEmail(i), $"Burst Co {i}", "DE", "Engineer"),
                        };
                        try
                        {
                            answered[i] = (
                                await new RoutingService.RoutingServiceClient(
                                    (i % 2 == 0 ? _a : _b).Channel
                                ).RouteLeadAsync(request, deadline: CallDeadline.In(TimeSpan.FromSeconds(20)))
                            )
                                .Decision
                                .Id;
                        }
                        catch (Grpc.Core.RpcException)
                        {
                            // The instance died under this request: the caller fails over with the same request id.
                            Interlocked.Increment(ref failedOver);
                            answered[i] = (
                                await new RoutingService.RoutingServiceClient(_a.Channel).RouteLeadAsync(request)
                            )
                                .Decision
                                .Id;
                        }
                    }
                })
            )
            .ToList();
        await SandboxHub.EventuallyAsync(() => answered.Count >= killAfter, $"{killAfter} leads answered");
        await _b.KillAsync();
        await Task.WhenAll(senders);

        // Every lead once more on the survivor, as a caller unsure of its answer would: the same decision.
        var routing = new RoutingService.RoutingServiceClient(_a.Channel);
        var again = new ConcurrentDictionary<int, string>();
        await Parallel.ForEachAsync(
            Enumerable.Range(0, leads),
            new ParallelOptions { MaxDegreeOfParallelism = 4 },
            async (i, ct) =>
                again[i] = (
                    await routing.RouteLeadAsync(
                        new RouteLeadRequest
                        {
                            RequestId = $"burst-{i}",
                            Lead = SandboxHub.Lead(BurstEmail(i), $"Burst Co {i}", "DE", "Engineer"),
                        },
                        cancellationToken: ct
                    )
                )
                    .Decision
                    .Id
        );
        // Effects the dead instance had claimed come back to the survivor when their lease runs out.
        var outbox = new OutboxService.OutboxServiceClient(_a.Channel);
        await SandboxHub.EventuallyAsync(
            () => outbox.GetOutboxStats(new GetOutboxStatsRequest()) is { Pending: 0 },
            "the survivor drained the outbox",
            seconds: 180
        );

        var emails = Enumerable.Range(0, leads).Select(BurstEmail).ToList();
        var raw = _vendors.RawLeadUpserts + _vendors.RawEnrolments;
        var line =
            $"[two hubs, one killed] leads {leads}; failed over {failedOver}; decisions "
            + $"{again.Values.Distinct().Count()}; "
            + $"vendor writes raw {raw} for {3 * leads} effects (redelivered and deduplicated by key "
            + $"{raw - 3 * leads}); "
            + $"in the CRM once {emails.Count(e => _vendors.CrmLeads(e) == 1)}, enrolled once "
            + $"{emails.Count(e => _vendors.Enrolments(e) == 1)}";
        output.WriteLine(line);
        Console.WriteLine(line);

        Assert.All(answered, a => Assert.Equal(a.Value, again[a.Key]));
        Assert.Equal(leads, again.Values.Distinct().Count());
        Assert.All(emails, e => Assert.Equal(1, _vendors.CrmLeads(e)));
        Assert.All(emails, e => Assert.Equal(1, _vendors.Enrolments(e)));
        Assert.Equal(0, (await outbox.GetOutboxStatsAsync(new GetOutboxStatsRequest())).Dead);
    }

    private static string BurstEmail(int i) => $"buyer{i}@burst-co-{i}.io";

    private static string Email(int i) => $"buyer{i}@pair-co-{i}.io";
}
