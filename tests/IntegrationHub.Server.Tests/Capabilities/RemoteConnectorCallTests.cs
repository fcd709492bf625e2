using Grpc.Core;
using IntegrationHub.Contracts.Enrichment.V1;
using IntegrationHub.Contracts.Routing.V1;
using IntegrationHub.Sdk.Capabilities.Enrichment;
using IntegrationHub.Server.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;
using CallDeadline = IntegrationHub.Routing.Facts.CallDeadline;

namespace IntegrationHub.Server.Tests.Capabilities;

/// <summary>
/// How the hub calls a remote connector process over a real channel: the deadline it passes on, the cancellation
/// the remote sees when the hub gives up, batches forwarded whole, and the endpoint's retry and circuit breaker.
/// </summary>
public sealed class RemoteConnectorCallTests
{
    private static readonly IdentifyCompanyRequest Known = new() { IpAddress = "203.0.113.10" };

    /// <summary>An endpoint whose own timeouts are far away: only the caller's deadline can end a call.</summary>
    private static Dictionary<string, string?> MinuteLongAttempts =>
        new() { ["Resilience:AttemptTimeout"] = "00:01:00", ["Resilience:TotalTimeout"] = "00:02:00" };

    [Fact]
    public async Task A_call_carries_what_is_left_of_the_callers_deadline()
    {
        await using var remote = await ScriptedRemote.StartAsync();
        using var hub = RemoteHubs.PointedAt(remote.Address, MinuteLongAttempts);
        var client = new EnrichmentService.EnrichmentServiceClient(hub.CreateChannel());

        await client.IdentifyCompanyAsync(Known, deadline: TimeProvider.System.GetUtcNow().UtcDateTime.AddSeconds(3));

        var seen = Assert.Single(remote.Script.DeadlinesSeen);
        Assert.NotNull(seen);
        Assert.InRange(seen.Value, TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task Without_a_caller_deadline_each_attempt_carries_the_endpoints_attempt_timeout()
    {
        await using var remote = await ScriptedRemote.StartAsync();
        using var hub = RemoteHubs.PointedAt(remote.Address, new() { ["Resilience:AttemptTimeout"] = "00:00:07" });

        await new EnrichmentService.EnrichmentServiceClient(hub.CreateChannel()).IdentifyCompanyAsync(Known);

        var seen = Assert.Single(remote.Script.DeadlinesSeen);
        Assert.NotNull(seen);
        Assert.InRange(seen.Value, TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(7));
    }

    [Fact]
    public async Task When_the_caller_gives_up_the_remote_sees_its_call_cancelled()
    {
        await using var remote = await ScriptedRemote.StartAsync(new() { Hold = true });
        using var hub = RemoteHubs.PointedAt(remote.Address);
        using var giveUp = new CancellationTokenSource();
        var call = new EnrichmentService.EnrichmentServiceClient(hub.CreateChannel())
            .IdentifyCompanyAsync(Known, cancellationToken: giveUp.Token)
            .ResponseAsync;

        await RemoteHubs.Seen(remote.Script.Arrived);
        await giveUp.CancelAsync();

        await RemoteHubs.Seen(remote.Script.Cancelled);
        await RpcAssert.FailsWith(StatusCode.Cancelled, () => call);
    }

    [Fact]
    public async Task When_the_fact_deadline_passes_the_remote_sees_its_call_cancelled_and_routing_goes_on()
    {
        await using var remote = await ScriptedRemote.StartAsync(new() { Hold = true });
        using var hub = RemoteHubs.PointedAt(remote.Address, MinuteLongAttempts);

        var decision = await RemoteHubs.RouteVisitorAsync(hub, "203.0.113.10");

        await RemoteHubs.Seen(remote.Script.Cancelled);
        Assert.True(decision.Degraded);
        var enrichment = Assert.Single(decision.Explanation.Sources, s => s.Capability == "enrichment");
        Assert.Equal(SourceStatus.TimedOut, enrichment.Status);
        // The policy's fact deadline (seconds), not the endpoint's minute, is what the remote was told.
        var seen = Assert.Single(remote.Script.DeadlinesSeen);
        Assert.NotNull(seen);
        Assert.True(seen.Value < TimeSpan.FromSeconds(31), $"the remote was given {seen.Value}");
    }

    [Fact]
    public async Task A_callers_deadline_passing_at_the_remote_is_the_callers_time_running_out_not_a_failed_remote()
    {
        await using var remote = await ScriptedRemote.StartAsync(new() { Hold = true });
        using var hub = RemoteHubs.PointedAt(remote.Address, MinuteLongAttempts);
        var enrichment = hub.Services.GetRequiredService<IEnrichmentConnector>();
        var time = hub.Services.GetRequiredService<TimeProvider>();

        // A deadline and no token: only the remote call's gRPC deadline can end it. Routing reads the outcome as a
        // source that timed out (in a decision both timers race, and either may fire first); a failed remote would
        // say the vendor is down and count towards opening its circuit.
        using (CallDeadline.Until(time.GetUtcNow() + TimeSpan.FromMilliseconds(300)))
        {
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
                enrichment.IdentifyCompanyAsync(System.Net.IPAddress.Parse("203.0.113.10"), CancellationToken.None)
            );
        }
    }

    [Fact]
    public async Task A_batch_is_forwarded_as_one_batch_call()
    {
        await using var remote = await ScriptedRemote.StartAsync();
        using var hub = RemoteHubs.PointedAt(remote.Address);

        var response = await new EnrichmentService.EnrichmentServiceClient(
            hub.CreateChannel()
        ).BatchIdentifyCompaniesAsync(
            new BatchIdentifyCompaniesRequest { IpAddresses = { "203.0.113.10", "198.51.100.7", "2001:db8::1" } }
        );

        Assert.Equal(["203.0.113.10", "198.51.100.7", "2001:db8::1"], response.Results.Select(r => r.IpAddress));
        Assert.All(response.Results, r => Assert.Equal("scripted.example", r.Identification.Company.Domain));
        Assert.Equal(1, remote.Script.BatchCalls);
        Assert.Equal(0, remote.Script.SingleCalls);
    }

    [Fact]
    public async Task Unavailable_is_retried_as_the_endpoints_settings_say()
    {
        await using var remote = await ScriptedRemote.StartAsync();
        remote.Script.FailNext(2);
        using var hub = RemoteHubs.PointedAt(
            remote.Address,
            new() { ["Resilience:MaxRetryAttempts"] = "2", ["Resilience:BaseDelay"] = "00:00:00" }
        );

        var answer = await new EnrichmentService.EnrichmentServiceClient(hub.CreateChannel()).IdentifyCompanyAsync(
            Known
        );

        Assert.Equal("scripted.example", answer.Identification.Company.Domain);
        Assert.Equal(3, remote.Script.SingleCalls);
    }

    [Fact]
    public async Task With_retries_off_unavailable_reaches_the_caller_after_one_call()
    {
        await using var remote = await ScriptedRemote.StartAsync();
        remote.Script.FailNext(1);
        using var hub = RemoteHubs.PointedAt(remote.Address, new() { ["Resilience:MaxRetryAttempts"] = "0" });

        await RpcAssert.FailsWith(StatusCode.Unavailable, () =>
            new EnrichmentService.EnrichmentServiceClient(hub.CreateChannel()).IdentifyCompanyAsync(Known).ResponseAsync
        );

        Assert.Equal(1, remote.Script.SingleCalls);
    }

    [Fact]
    public async Task The_circuit_opens_after_repeated_failures_and_spares_the_remote()
    {
        await using var remote = await ScriptedRemote.StartAsync();
        remote.Script.FailNext(100);
        using var hub = RemoteHubs.PointedAt(
            remote.Address,
            new()
            {
                ["Resilience:MaxRetryAttempts"] = "0",
                ["Resilience:CircuitMinimumThroughput"] = "2",
                ["Resilience:CircuitFailureRatio"] = "0.5",
                ["Resilience:CircuitBreakDuration"] = "00:05:00",
            }
        );
        var client = new EnrichmentService.EnrichmentServiceClient(hub.CreateChannel());

        for (var i = 0; i < 2; i++)
        {
            await RpcAssert.FailsWith(StatusCode.Unavailable, () => client.IdentifyCompanyAsync(Known).ResponseAsync);
        }

        var open = await RpcAssert.FailsWith(StatusCode.Unavailable, () =>
            client.IdentifyCompanyAsync(Known).ResponseAsync
        );

        Assert.Equal("CIRCUIT_OPEN", RpcAssert.Info(open)?.Reason);
        Assert.Equal(2, remote.Script.SingleCalls);
    }
}
