using Grpc.Core;
using IntegrationHub.Contracts.Routing.V1;
using IntegrationHub.Server.Tests.Hosting;
using IntegrationHub.Testing;

namespace IntegrationHub.Server.Tests.Routing;

/// <summary>
/// Offers, acceptance, handovers, the 30-second accept timeout on a fake clock, meeting booking, and the streams that
/// follow them.
/// </summary>
public sealed class ConversationTests : IDisposable
{
    private readonly SandboxHub _hub = new();

    public void Dispose() => _hub.Dispose();

    private Task<Decision> OfferedAsync(string path = "/pricing") => _hub.OfferedAsync(path);

    private async Task<Conversation> GetAsync(string id) =>
        (
            await _hub.Conversations.GetConversationAsync(new GetConversationRequest { ConversationId = id })
        ).Conversation;

    [Fact]
    public async Task The_offered_rep_accepts_and_nobody_else_can()
    {
        var decision = await OfferedAsync();
        var offered = await GetAsync(decision.ConversationId);
        Assert.Equal(ConversationState.Offered, offered.State);
        Assert.Equal(_hub.Time.GetUtcNow().AddSeconds(30), offered.OfferExpireTime.ToDateTimeOffset());

        var other = decision.Target.RepId == "005SDR010000000YBA" ? "005SDR020000000YBA" : "005SDR010000000YBA";
        var byOther = new AcceptOfferRequest { ConversationId = decision.ConversationId, RepId = other };
        var notYours = await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () =>
            _hub.Conversations.AcceptOfferAsync(byOther).ResponseAsync
        );
        Assert.Equal("CONVERSATION_STATE", RpcAssert.Info(notYours)?.Reason);
        var accepted = (
            await _hub.Conversations.AcceptOfferAsync(
                new AcceptOfferRequest { ConversationId = decision.ConversationId, RepId = decision.Target.RepId }
            )
        ).Conversation;
        Assert.Equal(ConversationState.Accepted, accepted.State);
        await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () =>
            _hub
                .Conversations.AcceptOfferAsync(
                    new AcceptOfferRequest { ConversationId = decision.ConversationId, RepId = decision.Target.RepId }
                )
                .ResponseAsync
        );

        // Accepted conversations are not handed on when the 30 s pass.
        await _hub.AdvanceAndFireTimersAsync(TimeSpan.FromSeconds(31));
        Assert.Equal(ConversationState.Accepted, (await GetAsync(decision.ConversationId)).State);
    }

    [Fact]
    public async Task Visitors_waiting_for_a_rep_are_listed_longest_first_until_the_rep_accepts()
    {
        var first = await OfferedAsync();
        _hub.Time.Advance(TimeSpan.FromSeconds(5));
        var second = await OfferedAsync();
        var routedAt = _hub.Time.GetUtcNow();

        var waiting = (
            await _hub.Conversations.ListConversationsAsync(
                new ListConversationsRequest { State = ConversationState.Offered }
            )
        ).Conversations;
        Assert.Equal([first.ConversationId, second.ConversationId], waiting.Select(c => c.Id));
        Assert.Equal(routedAt, waiting[1].CreateTime.ToDateTimeOffset());
        Assert.Equal(routedAt.AddSeconds(-5), waiting[0].CreateTime.ToDateTimeOffset());

        await _hub.Conversations.AcceptOfferAsync(
            new AcceptOfferRequest { ConversationId = first.ConversationId, RepId = first.Target.RepId }
        );
        Assert.Equal(
            [second.ConversationId],
            (
                await _hub.Conversations.ListConversationsAsync(
                    new ListConversationsRequest { State = ConversationState.Offered }
                )
            ).Conversations.Select(c => c.Id)
        );
        Assert.Equal(
            [first.ConversationId],
            (
                await _hub.Conversations.ListConversationsAsync(
                    new ListConversationsRequest { State = ConversationState.Accepted }
                )
            ).Conversations.Select(c => c.Id)
        );

        var missing = await RpcAssert.FailsWith(StatusCode.InvalidArgument, () =>
            _hub.Conversations.ListConversationsAsync(new ListConversationsRequest { PageSize = 9999 }).ResponseAsync
        );
        Assert.Equal(["state", "page_size"], RpcAssert.ViolatedFields(missing));
    }

    [Fact]
    public async Task No_answer_within_30_seconds_hands_an_english_visitor_to_the_ai_rep_and_the_watcher_sees_it()
    {
        var earlier = await OfferedAsync();
        _hub.Time.Advance(TimeSpan.FromSeconds(2));
        var decision = await OfferedAsync();
        using var watch = _hub.Conversations.WatchConversation(
            new WatchConversationRequest { ConversationId = decision.ConversationId }
        );
        Assert.True(await watch.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Equal(ConversationState.Offered, watch.ResponseStream.Current.Conversation.State);

        // The offer made two seconds earlier comes due at 29 s into this one; timers fire oldest
        // first, so once it has timed out this one has been passed over, not merely not reached.
        _hub.Time.Advance(TimeSpan.FromSeconds(29));
        await _hub.OfferTimedOutAsync(earlier.ConversationId);
        Assert.Equal(ConversationState.Offered, (await GetAsync(decision.ConversationId)).State);
        _hub.Time.Advance(TimeSpan.FromSeconds(2));

        using var patience = new CancellationTokenSource(Eventually.Limit);
        Assert.True(await watch.ResponseStream.MoveNext(patience.Token));
        var handedOver = watch.ResponseStream.Current.Conversation;
        Assert.Equal(ConversationState.WithAiRep, handedOver.State);
        Assert.Contains("no answer within 30 s", handedOver.Reason, StringComparison.Ordinal);
        await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () =>
            _hub
                .Conversations.AcceptOfferAsync(
                    new AcceptOfferRequest { ConversationId = decision.ConversationId, RepId = decision.Target.RepId }
                )
                .ResponseAsync
        );
    }

    [Fact]
    public async Task A_decline_on_a_french_page_offers_a_meeting_and_booking_a_slot_gives_a_unique_link_once()
    {
        var decision = await OfferedAsync("/fr-fr/demo");
        var declined = (
            await _hub.Conversations.DeclineOfferAsync(
                new DeclineOfferRequest
                {
                    ConversationId = decision.ConversationId,
                    RepId = decision.Target.RepId,
                    Reason = "in a call",
                }
            )
        ).Conversation;

        Assert.Equal(ConversationState.MeetingOffered, declined.State);
        Assert.Contains("the rep declined: in a call", declined.Reason, StringComparison.Ordinal);
        var slot = declined.MeetingSlots[0];
        var booking = new BookMeetingRequest
        {
            ConversationId = decision.ConversationId,
            SlotStartTime = slot.StartTime,
            InviteeEmail = "visitor@prospect.fr",
        };
        var booked = (await _hub.Conversations.BookMeetingAsync(booking)).Conversation;
        var again = (await _hub.Conversations.BookMeetingAsync(booking)).Conversation;

        Assert.Equal(ConversationState.MeetingBooked, booked.State);
        Assert.StartsWith("https://", booked.MeetingJoinUrl, StringComparison.Ordinal);
        Assert.Equal(booked.MeetingJoinUrl, again.MeetingJoinUrl);
    }

    [Fact]
    public async Task A_slot_that_was_not_offered_cannot_be_booked()
    {
        var decision = await OfferedAsync("/fr-fr/demo");
        var declined = (
            await _hub.Conversations.DeclineOfferAsync(
                new DeclineOfferRequest { ConversationId = decision.ConversationId, RepId = decision.Target.RepId }
            )
        ).Conversation;
        var error = await RpcAssert.FailsWith(StatusCode.InvalidArgument, () => _hub
                .Conversations.BookMeetingAsync(
                    new BookMeetingRequest
                    {
                        ConversationId = decision.ConversationId,
                        SlotStartTime = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTimeOffset(
                            declined.MeetingSlots[0].StartTime.ToDateTimeOffset().AddMinutes(7)
                        ),
                        InviteeEmail = "visitor@prospect.fr",
                    }
                )
                .ResponseAsync);
        Assert.Equal(["slot_start_time"], RpcAssert.ViolatedFields(error));
        Assert.Equal("INVALID_ARGUMENT", RpcAssert.Info(error)?.Reason);
    }

    [Fact]
    public async Task A_reps_alert_stream_gets_the_offer_the_click_through_and_the_pounce()
    {
        await _hub.AvailableAsync("005BDR010000000YBA");
        using var alerts = _hub.Presence.WatchRepAlerts(new WatchRepAlertsRequest { RepId = "005BDR010000000YBA" });
        await alerts.ResponseHeadersAsync;

        var decision = await _hub.RouteAsync("203.0.113.5", token: "ct-acme-jane");

        var kinds = new List<AlertKind>();
        using var patience = new CancellationTokenSource(Eventually.Limit);
        while (kinds.Count < 3 && await alerts.ResponseStream.MoveNext(patience.Token))
        {
            Assert.Equal(decision.Id, alerts.ResponseStream.Current.DecisionId);
            kinds.Add(alerts.ResponseStream.Current.Kind);
        }

        Assert.Equal([AlertKind.Offer, AlertKind.ClickThrough, AlertKind.Pounce], kinds.Order());
    }

    [Fact]
    public async Task Watching_an_unknown_conversation_is_not_found()
    {
        using var watch = _hub.Conversations.WatchConversation(
            new WatchConversationRequest { ConversationId = "nope" }
        );
        var error = await Assert.ThrowsAsync<RpcException>(() => watch.ResponseStream.MoveNext(CancellationToken.None));
        Assert.Equal(StatusCode.NotFound, error.StatusCode);
    }
}
