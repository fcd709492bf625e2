using System.Net;
using System.Text.Json;
using Grpc.Core;
using IntegrationHub.Contracts.Routing.V1;
using IntegrationHub.Testing;

namespace IntegrationHub.Server.Tests.Routing;

/// <summary>
/// New decisions as they are made: RoutingService/WatchDecisions over a real gRPC channel, and the same feed as
/// server-sent events for the dashboard, against the hub as `dotnet run` starts it (a separate process).
/// </summary>
public sealed class DecisionWatchTests : IAsyncLifetime
{
    private const string LondonIp = "198.51.100.115"; // Thames Fintech, GB: the EMEA pool
    private const string UnknownIp = "192.0.2.200"; // nobody known: AMER, where nobody is available
    private const string Elise = "005SDR050000000YBA"; // EMEA

    private HubProcess _hub = null!;

    public async Task InitializeAsync() =>
        _hub = await HubProcess.StartAsync(
            new Dictionary<string, string?>
            {
                ["Routing:PolicyFile"] = DemoPolicy.AlwaysOpen(TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(15)),
                ["Limits:StreamsPerCaller"] = "4",
            }
        );

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    [Fact]
    public async Task A_watcher_sees_each_new_decision_once_and_a_rep_filter_keeps_only_that_reps()
    {
        var routing = new RoutingService.RoutingServiceClient(_hub.Channel);
        using var stop = new CancellationTokenSource(Eventually.Limit);
        using var everything = routing.WatchDecisions(new WatchDecisionsRequest(), cancellationToken: stop.Token);
        using var elises = routing.WatchDecisions(
            new WatchDecisionsRequest { RepId = Elise },
            cancellationToken: stop.Token
        );
        await everything.ResponseHeadersAsync;
        await elises.ResponseHeadersAsync;
        await new PresenceService.PresenceServiceClient(_hub.Channel).SetRepPresenceAsync(
            new SetRepPresenceRequest { RepId = Elise, Status = PresenceStatus.Available }
        );

        var unknown = await _hub.RouteVisitorAsync(UnknownIp, requestId: "watch-unknown");
        var repeated = await _hub.RouteVisitorAsync(UnknownIp, requestId: "watch-unknown");
        var london = await _hub.RouteVisitorAsync(LondonIp);

        Assert.Equal(unknown.Id, repeated.Id);
        Assert.Equal(Elise, london.Target.RepId);
        var first = await NextAsync(everything, stop.Token);
        Assert.Equal(unknown.Id, first.Id);
        Assert.Equal(TargetKind.AiRep, first.Target.Kind);
        Assert.Equal("geo_pool", first.MatchedRule);
        Assert.NotEmpty(first.Explanation.Rules);
        // The repeated request answered from the store is not a new decision.
        Assert.Equal(london.Id, (await NextAsync(everything, stop.Token)).Id);
        Assert.Equal(london.Id, (await NextAsync(elises, stop.Token)).Id);
    }

    [Fact]
    public async Task A_filter_longer_than_a_rep_id_is_invalid_argument_naming_the_field()
    {
        var routing = new RoutingService.RoutingServiceClient(_hub.Channel);
        using var call = routing.WatchDecisions(new WatchDecisionsRequest { RepId = new string('x', 65) });

        var refused = await Assert.ThrowsAsync<RpcException>(() => call.ResponseStream.MoveNext());

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Contains("rep_id", refused.Status.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_dashboard_feed_sends_each_new_decision_as_a_server_sent_event_to_a_caller_with_a_key()
    {
        using var http = new HttpClient(HubCredentials.Handler(new SocketsHttpHandler()))
        {
            BaseAddress = _hub.HttpAddress,
        };
        using var stop = new CancellationTokenSource(Eventually.Limit);
        using var response = await http.GetAsync(
            "v1/decisions:watch",
            HttpCompletionOption.ResponseHeadersRead,
            stop.Token
        );
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        using var events = new StreamReader(await response.Content.ReadAsStreamAsync(stop.Token));
        Assert.StartsWith(":", await events.ReadLineAsync(stop.Token), StringComparison.Ordinal);

        var decision = await _hub.RouteVisitorAsync(UnknownIp);

        var lines = new List<string>();
        while (lines.LastOrDefault()?.StartsWith("data: ", StringComparison.Ordinal) != true)
        {
            lines.Add(await events.ReadLineAsync(stop.Token) ?? throw new EndOfStreamException("the feed ended"));
        }

        Assert.Contains("event: decision", lines);
        Assert.Contains($"id: {decision.Id}", lines);
        using var data = JsonDocument.Parse(lines[^1]["data: ".Length..]);
        Assert.Equal(decision.Id, data.RootElement.GetProperty("id").GetString());
        Assert.Equal("TARGET_KIND_AI_REP", data.RootElement.GetProperty("target").GetProperty("kind").GetString());
    }

    [Fact]
    public async Task The_dashboard_feed_refuses_a_caller_without_a_key_and_names_a_bad_filter()
    {
        using var anonymous = new HttpClient { BaseAddress = _hub.HttpAddress };
        using var refused = await anonymous.GetAsync("v1/decisions:watch");
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);

        using var http = new HttpClient(HubCredentials.Handler(new SocketsHttpHandler()))
        {
            BaseAddress = _hub.HttpAddress,
        };
        using var invalid = await http.GetAsync($"v1/decisions:watch?rule={new string('r', 65)}");
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        using var body = JsonDocument.Parse(await invalid.Content.ReadAsStringAsync());
        var violation = body
            .RootElement.GetProperty("details")
            .EnumerateArray()
            .Single(d => d.TryGetProperty("fieldViolations", out _))
            .GetProperty("fieldViolations")[0];
        Assert.Equal("rule", violation.GetProperty("field").GetString());

        using var invalidRep = await http.GetAsync($"v1/decisions:watch?repId={new string('r', 65)}");
        Assert.Equal(HttpStatusCode.BadRequest, invalidRep.StatusCode);
        Assert.Contains("\"field\": \"repId\"", await invalidRep.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Open_feeds_count_against_the_callers_streams_with_the_grpc_ones_and_one_over_is_refused()
    {
        using var http = new HttpClient(HubCredentials.Handler(new SocketsHttpHandler()))
        {
            BaseAddress = _hub.HttpAddress,
        };
        using var grpc = new RoutingService.RoutingServiceClient(_hub.Channel).WatchDecisions(
            new WatchDecisionsRequest()
        );
        await grpc.ResponseHeadersAsync;
        var feeds = new List<HttpResponseMessage>();
        for (var i = 0; i < 3; i++)
        {
            feeds.Add(await http.GetAsync("v1/decisions:watch", HttpCompletionOption.ResponseHeadersRead));
            Assert.Equal(HttpStatusCode.OK, feeds[^1].StatusCode);
        }

        using var over = await http.GetAsync("v1/decisions:watch", HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal(HttpStatusCode.TooManyRequests, over.StatusCode);
        Assert.Contains("TOO_MANY_STREAMS", await over.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        feeds[0].Dispose(); // the reader goes away: its stream is given back
        await Eventually.HappensAsync(
            async () =>
            {
                using var again = await http.GetAsync("v1/decisions:watch", HttpCompletionOption.ResponseHeadersRead);
                return again.StatusCode == HttpStatusCode.OK;
            },
            "a feed admitted once another was closed"
        );
        feeds.ForEach(f => f.Dispose());
    }

    private static async Task<Decision> NextAsync(
        AsyncServerStreamingCall<WatchDecisionsResponse> call,
        CancellationToken cancellationToken
    )
    {
        Assert.True(await call.ResponseStream.MoveNext(cancellationToken), "the stream ended");
        return call.ResponseStream.Current.Decision;
    }
}
