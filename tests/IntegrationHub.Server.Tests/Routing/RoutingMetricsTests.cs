using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using IntegrationHub.Contracts.Routing.V1;
using IntegrationHub.Server.Tests.Hosting;

namespace IntegrationHub.Server.Tests.Routing;

/// <summary>The figures reps and managers look at, from what actually happened through the API.</summary>
public sealed class RoutingMetricsTests : IDisposable
{
    private readonly SandboxHub _hub = new();

    public void Dispose() => _hub.Dispose();

    [Fact]
    public async Task Pounces_waits_and_availability_are_counted_for_the_window()
    {
        var start = _hub.Time.GetUtcNow();
        await _hub.AvailableAsync("005BDR010000000YBA", "005SDR010000000YBA");
        var pounce = await _hub.RouteAsync("203.0.113.5");
        await _hub.Conversations.AcceptOfferAsync(
            new AcceptOfferRequest { ConversationId = pounce.ConversationId, RepId = "005BDR010000000YBA" }
        );
        var unanswered = await _hub.RouteAsync("192.0.2.200");
        await _hub.Conversations.DeclineOfferAsync(
            new DeclineOfferRequest { ConversationId = unanswered.ConversationId, RepId = unanswered.Target.RepId }
        );
        await _hub.Presence.SetRepPresenceAsync(
            new SetRepPresenceRequest { RepId = "005SDR010000000YBA", Status = PresenceStatus.Offline }
        );
        var nobody = await _hub.RouteAsync("192.0.2.201");
        _hub.Time.Advance(TimeSpan.FromHours(1));
        await _hub.Presence.SetRepPresenceAsync(
            new SetRepPresenceRequest { RepId = "005BDR010000000YBA", Status = PresenceStatus.Away }
        );

        var metrics = await _hub.Routing.GetRoutingMetricsAsync(
            new GetRoutingMetricsRequest
            {
                StartTime = Timestamp.FromDateTimeOffset(start),
                EndTime = Timestamp.FromDateTimeOffset(start.AddHours(2)),
            }
        );

        Assert.Equal(TargetKind.AiRep, nobody.Target.Kind);
        Assert.Equal(1, metrics.SessionsRoutedForPounce);
        Assert.Equal(1, metrics.SuccessfulPounceConversations);
        Assert.Equal(2, metrics.SessionsWaited);
        Assert.Equal(1, metrics.SessionsWaitedWithConversation);
        Assert.Equal(1, metrics.SessionsWaitedWithoutConversation);
        Assert.Equal(3600, metrics.RepAvailability.Single(r => r.RepId == "005BDR010000000YBA").AvailableSeconds);
        Assert.Equal(0, metrics.RepAvailability.Single(r => r.RepId == "005SDR010000000YBA").AvailableSeconds);
        Assert.Equal(3600, metrics.TotalAvailableSeconds);
    }

    [Fact]
    public async Task Each_waiting_visitor_counts_in_the_wait_time_range_of_how_long_they_waited()
    {
        var start = _hub.Time.GetUtcNow();
        await _hub.AvailableAsync("005SDR010000000YBA");
        var accepted = await _hub.RouteAsync("192.0.2.200");
        _hub.Time.Advance(TimeSpan.FromSeconds(12));
        await _hub.Conversations.AcceptOfferAsync(
            new AcceptOfferRequest { ConversationId = accepted.ConversationId, RepId = accepted.Target.RepId }
        );
        var declined = await _hub.RouteAsync("192.0.2.201");
        _hub.Time.Advance(TimeSpan.FromSeconds(7));
        await _hub.Conversations.DeclineOfferAsync(
            new DeclineOfferRequest { ConversationId = declined.ConversationId, RepId = declined.Target.RepId }
        );
        var waiting = await _hub.RouteAsync("192.0.2.202");
        _hub.Time.Advance(TimeSpan.FromSeconds(2));

        var metrics = await _hub.Routing.GetRoutingMetricsAsync(
            new GetRoutingMetricsRequest
            {
                StartTime = Timestamp.FromDateTimeOffset(start),
                EndTime = Timestamp.FromDateTimeOffset(start.AddHours(1)),
            }
        );

        Assert.All(new[] { accepted, declined, waiting }, d => Assert.Equal(TargetKind.HumanRep, d.Target.Kind));
        Assert.Equal(
            new[]
            {
                "0-5 s: 1 (0 talked)",
                "5-10 s: 1 (0 talked)",
                "10-20 s: 1 (1 talked)",
                "20-30 s: 0 (0 talked)",
                "30-60 s: 0 (0 talked)",
                "60- s: 0 (0 talked)",
            },
            metrics.WaitTimeBuckets.Select(b =>
                $"{b.MinSeconds}-{(b.MaxSeconds > 0 ? b.MaxSeconds : "")} s: {b.Sessions} "
                + $"({b.SessionsWithConversation} talked)"
            )
        );
    }

    [Fact]
    public async Task A_window_with_partial_hours_counts_exactly_the_visitors_routed_inside_it()
    {
        var start = _hub.Time.GetUtcNow();
        await _hub.AvailableAsync("005SDR010000000YBA");
        // 15:10, 15:40, 16:20, 17:20 and 17:50; the window is 15:30 to 17:30, two of its hours partial.
        foreach (var minutes in new[] { 10, 40, 80, 140, 170 })
        {
            _hub.Time.SetUtcNow(start.AddMinutes(minutes));
            Assert.Equal(TargetKind.HumanRep, (await _hub.RouteAsync("192.0.2.200")).Target.Kind);
        }

        var metrics = await _hub.Routing.GetRoutingMetricsAsync(
            new GetRoutingMetricsRequest
            {
                StartTime = Timestamp.FromDateTimeOffset(start.AddMinutes(30)),
                EndTime = Timestamp.FromDateTimeOffset(start.AddMinutes(150)),
            }
        );

        Assert.Equal(3, metrics.SessionsWaited);
        Assert.Equal(
            [$"{start:HH}:00 1", $"{start.AddHours(1):HH}:00 1", $"{start.AddHours(2):HH}:00 1"],
            metrics.DecisionsPerHour.Select(h => $"{h.HourStartTime.ToDateTimeOffset():HH:mm} {h.Decisions}")
        );
        Assert.Equal(3, metrics.RepDecisions.Single(r => r.RepId == "005SDR010000000YBA").Decisions);
    }

    [Fact]
    public async Task Offers_are_counted_by_how_they_ended()
    {
        var start = _hub.Time.GetUtcNow();
        await _hub.AvailableAsync("005SDR010000000YBA");
        var accepted = await _hub.RouteAsync("192.0.2.200");
        await _hub.Conversations.AcceptOfferAsync(
            new AcceptOfferRequest { ConversationId = accepted.ConversationId, RepId = accepted.Target.RepId }
        );
        var declined = await _hub.RouteAsync("192.0.2.201");
        await _hub.Conversations.DeclineOfferAsync(
            new DeclineOfferRequest { ConversationId = declined.ConversationId, RepId = declined.Target.RepId }
        );
        var unanswered = await _hub.RouteAsync("192.0.2.202");
        _hub.Time.Advance(TimeSpan.FromSeconds(31));
        await _hub.OfferTimedOutAsync(unanswered.ConversationId);

        var metrics = await _hub.Routing.GetRoutingMetricsAsync(
            new GetRoutingMetricsRequest
            {
                StartTime = Timestamp.FromDateTimeOffset(start),
                EndTime = Timestamp.FromDateTimeOffset(start.AddHours(1)),
            }
        );

        Assert.Equal((1, 1, 1), (metrics.OffersAccepted, metrics.OffersDeclined, metrics.OffersExpired));
        Assert.Equal(3, metrics.SessionsWaited);
        Assert.Equal(1, metrics.SessionsWaitedWithConversation);
    }

    [Fact]
    public async Task A_rep_still_available_counts_up_to_now_not_to_the_end_of_a_window_in_the_future()
    {
        var start = _hub.Time.GetUtcNow();
        await _hub.AvailableAsync("005BDR020000000YBA");
        _hub.Time.Advance(TimeSpan.FromMinutes(90));

        var metrics = await _hub.Routing.GetRoutingMetricsAsync(
            new GetRoutingMetricsRequest
            {
                StartTime = Timestamp.FromDateTimeOffset(start),
                EndTime = Timestamp.FromDateTimeOffset(start.AddDays(1)),
            }
        );

        var rep = metrics.RepAvailability.Single(r => r.RepId == "005BDR020000000YBA");
        Assert.Equal(5400, rep.AvailableSeconds);
        Assert.Equal(_hub.Time.GetUtcNow(), rep.Spans.Single().EndTime.ToDateTimeOffset());
    }

    [Fact]
    public async Task A_window_that_ends_before_it_starts_is_invalid()
    {
        var now = Timestamp.FromDateTimeOffset(_hub.Time.GetUtcNow());
        var error = await RpcAssert.FailsWith(StatusCode.InvalidArgument, () =>
            _hub
                .Routing.GetRoutingMetricsAsync(new GetRoutingMetricsRequest { StartTime = now, EndTime = now })
                .ResponseAsync
        );
        Assert.Equal(["end_time"], RpcAssert.ViolatedFields(error));
    }
}
