using Google.Rpc;
using Grpc.Core;
using IntegrationHub.Contracts.Admin.V1;
using IntegrationHub.Contracts.Routing.V1;
using IntegrationHub.Hub.Conversations;
using IntegrationHub.Server.RoutingApi;
using IntegrationHub.Server.Security;
using IntegrationHub.Server.Tests.Hosting;
using IntegrationHub.Server.Tests.Routing;
using IntegrationHub.Storage.Events;
using IntegrationHub.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationHub.Server.Tests.Security;

/// <summary>Each caller's own rate and stream limits: one caller over its limit does not slow another.</summary>
public sealed class CallerLimitTests : IDisposable
{
    private readonly SandboxHub _hub = new(
        new()
        {
            ["Limits:RequestsPerSecond"] = "1",
            ["Limits:Burst"] = "5",
            ["Limits:StreamsPerCaller"] = "2",
        }
    );

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
        Assert.NotEmpty(
            (
                await new PresenceService.PresenceServiceClient(
                    _hub.CreateChannel(await IssueAsync("quiet"))
                ).ListRepsAsync(new ListRepsRequest())
            ).Reps
        );
    }

    [Fact]
    public async Task A_caller_may_hold_only_so_many_open_streams_and_closing_one_frees_a_place()
    {
        var presence = new PresenceService.PresenceServiceClient(_hub.CreateChannel(await IssueAsync("watcher")));
        var first = presence.WatchRepAlerts(new WatchRepAlertsRequest { RepId = "005BDR010000000YBA" });
        using var second = presence.WatchRepAlerts(new WatchRepAlertsRequest { RepId = "005BDR020000000YBA" });
        await first.ResponseHeadersAsync;
        await second.ResponseHeadersAsync;

        var third = await PeekAsync(presence);

        Assert.Equal((StatusCode.ResourceExhausted, "TOO_MANY_STREAMS"), third);
        first.Dispose();
        // The hub frees the place once it sees the stream end, which a loaded machine may take a
        // while to do. A peek sooner than the rate allows is refused without using a call (the
        // bucket refills in machine time), so the test asks again until a stream is let in.
        var again = third;
        await Eventually.HappensAsync(
            async () =>
            {
                again = await PeekAsync(presence);
                Assert.True(
                    again.Code == StatusCode.OK || again.Reason is "TOO_MANY_STREAMS" or "CALLER_RATE_LIMITED",
                    $"a peek ended {again}"
                );
                return again.Code == StatusCode.OK;
            },
            "a stream let in after one was closed"
        );
    }

    /// <summary>
    /// Opens one more stream and sends an alert down it once its headers are in: an admitted stream
    /// (whose headers the hub sends once it is listening) delivers the alert, a refused one ends
    /// with its error instead. Neither outcome waits on a clock.
    /// </summary>
    private async Task<(StatusCode Code, string? Reason)> PeekAsync(PresenceService.PresenceServiceClient presence)
    {
        const string rep = "005BDR030000000YBA";
        using var patience = new CancellationTokenSource(Eventually.Limit);
        using var call = presence.WatchRepAlerts(
            new WatchRepAlertsRequest { RepId = rep },
            cancellationToken: patience.Token
        );
        try
        {
            await call.ResponseHeadersAsync;
            var alert = new RepAlert(
                Guid.NewGuid().ToString("N"),
                rep,
                IntegrationHub.Hub.Conversations.AlertKind.Notification,
                null,
                null,
                "peek",
                _hub.Time.GetUtcNow()
            );
            await _hub
                .Services.GetRequiredService<IHubEventBus>()
                .PublishAsync(RepAlert.Channel(rep), alert.ToJson(), patience.Token);
            return await call.ResponseStream.MoveNext(patience.Token)
                ? (StatusCode.OK, null)
                : (call.GetStatus().StatusCode, "ended without the alert");
        }
        catch (RpcException e)
        {
            return (e.StatusCode, RpcAssert.Info(e)?.Reason);
        }
    }

    private async Task<string> IssueAsync(string name) =>
        (
            await new ApiKeyService.ApiKeyServiceClient(_hub.Channel).IssueApiKeyAsync(
                new IssueApiKeyRequest { Name = name, Scopes = { Scopes.Routing } }
            )
        ).Secret;
}
