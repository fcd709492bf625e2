using Google.Rpc;
using Grpc.Core;
using IntegrationHub.Contracts.Admin.V1;
using IntegrationHub.Contracts.Routing.V1;
using IntegrationHub.Server.Security;
using IntegrationHub.Server.Tests.Hosting;
using IntegrationHub.Server.Tests.Routing;

namespace IntegrationHub.Server.Tests.Security;

/// <summary>Each caller's own rate and stream limits: one caller over its limit does not slow another.</summary>
public sealed class CallerLimitTests : IDisposable
{
    private readonly SandboxHub _hub = new(new()
    {
        ["Limits:RequestsPerSecond"] = "1",
        ["Limits:Burst"] = "5",
        ["Limits:StreamsPerCaller"] = "2",
    });

    public void Dispose() => _hub.Dispose();

    [Fact]
    public async Task A_caller_over_its_rate_gets_resource_exhausted_with_retry_info_and_other_callers_are_unaffected()
    {
        var presence = new PresenceService.PresenceServiceClient(_hub.CreateChannel(await IssueAsync("busy")));
        var outcomes = new List<StatusCode>();
        var watch = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < 20; i++)
        {
            try
            {
                await presence.ListRepsAsync(new ListRepsRequest());
                outcomes.Add(StatusCode.OK);
            }
            catch (RpcException e)
            {
                outcomes.Add(e.StatusCode);
                Assert.Equal(StatusCode.ResourceExhausted, e.StatusCode);
                Assert.Equal("CALLER_RATE_LIMITED", RpcAssert.Info(e)?.Reason);
                Assert.True(e.GetRpcStatus()?.GetDetail<RetryInfo>()?.RetryDelay.ToTimeSpan() > TimeSpan.Zero);
            }
        }

        // The burst of 5 goes through, plus one per second refilled meanwhile; the rest are refused.
        Assert.InRange(outcomes.Count(o => o == StatusCode.OK), 5, 5 + (int)Math.Ceiling(watch.Elapsed.TotalSeconds));
        Assert.Contains(StatusCode.ResourceExhausted, outcomes);
        Assert.NotEmpty((await new PresenceService.PresenceServiceClient(_hub.CreateChannel(await IssueAsync("quiet"))).ListRepsAsync(new ListRepsRequest())).Reps);
    }

    [Fact]
    public async Task A_caller_may_hold_only_so_many_open_streams_and_closing_one_frees_a_place()
    {
        var presence = new PresenceService.PresenceServiceClient(_hub.CreateChannel(await IssueAsync("watcher")));
        var first = presence.WatchRepAlerts(new WatchRepAlertsRequest { RepId = "005BDR01" });
        using var second = presence.WatchRepAlerts(new WatchRepAlertsRequest { RepId = "005BDR02" });
        await first.ResponseHeadersAsync;
        await second.ResponseHeadersAsync;

        var third = await PeekAsync(presence);

        Assert.Equal((StatusCode.ResourceExhausted, "TOO_MANY_STREAMS"), third);
        first.Dispose();
        var again = third;
        for (var i = 0; i < 10 && again.Code != StatusCode.Cancelled; i++)
        {
            // Paced under the rate limit, so only the stream count can refuse it.
            await Task.Delay(TimeSpan.FromSeconds(1));
            again = await PeekAsync(presence);
        }

        Assert.Equal(StatusCode.Cancelled, again.Code);
    }

    /// <summary>Opens one more stream and waits briefly: an admitted stream stays open (and is cancelled here), a refused one fails at once.</summary>
    private static async Task<(StatusCode Code, string? Reason)> PeekAsync(PresenceService.PresenceServiceClient presence)
    {
        using var wait = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));
        using var call = presence.WatchRepAlerts(new WatchRepAlertsRequest { RepId = "005BDR03" }, cancellationToken: wait.Token);
        try
        {
            await call.ResponseStream.MoveNext(wait.Token);
            return (StatusCode.OK, null);
        }
        catch (RpcException e)
        {
            return (e.StatusCode, RpcAssert.Info(e)?.Reason);
        }
    }

    private async Task<string> IssueAsync(string name) =>
        (await new ApiKeyService.ApiKeyServiceClient(_hub.Channel).IssueApiKeyAsync(new IssueApiKeyRequest { Name = name, Scopes = { Scopes.Routing } })).Secret;
}
