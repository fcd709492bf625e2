using System.Globalization;
using Google.Protobuf;
using Grpc.Core;
using IntegrationHub.Contracts.Events.V1;
using IntegrationHub.Contracts.Routing.V1;
using IntegrationHub.Server.Tests.Hosting;
using IntegrationHub.Server.Tests.Routing;

namespace IntegrationHub.Server.Tests.Events;

/// <summary>
/// Routing events as a subscriber meets them: subscribed over gRPC, sent to a real HTTP receiver on a loopback port,
/// signed so that the README's check passes, retried after a 5xx on the hub's clock, and dead-lettered when the
/// receiver never recovers (two attempts allowed here).
/// </summary>
public sealed class RoutingEventsTests : IDisposable
{
    private readonly SandboxHub _hub = new(new() { ["Storage:Outbox:MaxAttempts"] = "2" });

    public RoutingEventsTests() => Events = new RoutingEventsService.RoutingEventsServiceClient(_hub.Channel);

    private RoutingEventsService.RoutingEventsServiceClient Events { get; }

    public void Dispose() => _hub.Dispose();

    [Fact]
    public async Task A_subscriber_gets_a_signed_cloud_event_naming_the_decision_and_only_the_types_it_chose()
    {
        using var decisions = new EventReceiver(204);
        using var accepts = new EventReceiver(200);
        var decisionsSecret = (await SubscribeAsync(decisions, "decision.made")).Secret;
        var acceptsSecret = (await SubscribeAsync(accepts, "offer.accepted")).Secret;

        var decision = await _hub.OfferedAsync();
        await _hub.Conversations.AcceptOfferAsync(
            new AcceptOfferRequest { ConversationId = decision.ConversationId, RepId = decision.Target.RepId }
        );
        await _hub.OutboxDrainedAsync();

        var made = Assert.Single(decisions.Requests);
        Assert.StartsWith("application/cloudevents+json", made.Headers["content-type"], StringComparison.Ordinal);
        Assert.True(made.SignedWith(decisionsSecret), "the signature verifies with the subscription's secret");
        Assert.False(made.SignedWith(acceptsSecret), "another subscription's secret does not verify it");
        var cloudEvent = made.CloudEvent;
        Assert.Equal("1.0", (string?)cloudEvent["specversion"]);
        Assert.Equal("com.integrationhub.decision.made", (string?)cloudEvent["type"]);
        Assert.Equal(made.Headers["webhook-id"], (string?)cloudEvent["id"]);
        Assert.Equal(decision.Id, (string?)cloudEvent["subject"]);
        var sentAt = DateTimeOffset.Parse((string)cloudEvent["time"]!, CultureInfo.InvariantCulture);
        Assert.InRange(sentAt, _hub.Time.GetUtcNow().AddSeconds(-1), _hub.Time.GetUtcNow());
        // The data is a Decision in the proto JSON mapping: the contract's own parser reads it.
        var data = new JsonParser(JsonParser.Settings.Default).Parse<Decision>(cloudEvent["data"]!.ToJsonString());
        Assert.Equal(decision.Id, data.Id);
        Assert.Equal(decision.Target.RepId, data.Target.RepId);
        Assert.Equal(decision.ConversationId, data.ConversationId);

        var accepted = Assert.Single(accepts.Requests);
        Assert.True(accepted.SignedWith(acceptsSecret));
        Assert.Equal("com.integrationhub.offer.accepted", (string?)accepted.CloudEvent["type"]);
        var conversation = new JsonParser(JsonParser.Settings.Default).Parse<Conversation>(
            accepted.CloudEvent["data"]!.ToJsonString()
        );
        Assert.Equal(ConversationState.Accepted, conversation.State);
        Assert.Equal(decision.Id, conversation.DecisionId);
    }

    [Fact]
    public async Task A_receiver_answering_500_gets_the_event_on_a_retry_with_the_same_id()
    {
        using var receiver = new EventReceiver(500, 200);
        var secret = (await SubscribeAsync(receiver, "decision.made")).Secret;

        var decision = await _hub.RouteAsync("192.0.2.200");
        await RetriedAsync(receiver);

        Assert.Equal(2, receiver.Requests.Count);
        Assert.All(receiver.Requests, r => Assert.True(r.SignedWith(secret)));
        Assert.Equal(receiver.Requests[0].Headers["webhook-id"], receiver.Requests[1].Headers["webhook-id"]);
        Assert.Equal(decision.Id, (string?)receiver.Requests[1].CloudEvent["data"]!["id"]);
        Assert.Empty(await DeadEventsAsync());
    }

    [Fact]
    public async Task A_receiver_that_never_recovers_ends_in_the_dead_letter_list()
    {
        using var receiver = new EventReceiver(503);
        await SubscribeAsync(receiver, "decision.made");

        var decision = await _hub.RouteAsync("192.0.2.200");
        await RetriedAsync(receiver);

        Assert.Equal(2, receiver.Requests.Count);
        var dead = Assert.Single(await DeadEventsAsync());
        Assert.Equal(decision.Id, dead.DecisionId);
        Assert.Equal(2, dead.Attempts);
        Assert.Contains("503", dead.LastError, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Bad_subscriptions_are_refused_with_a_violation_per_problem_and_nothing_is_stored()
    {
        var refused = await RpcAssert.FailsWith(StatusCode.InvalidArgument, () =>
            Events
                .CreateSubscriptionAsync(
                    new CreateSubscriptionRequest
                    {
                        Url = "http://hooks.example.com/routing",
                        EventTypes = { "decision.made", "lead.won" },
                    }
                )
                .ResponseAsync
        );
        Assert.Equal(["url", "event_types[1]"], RpcAssert.ViolatedFields(refused));
        var empty = await RpcAssert.FailsWith(StatusCode.InvalidArgument, () =>
            Events.CreateSubscriptionAsync(new CreateSubscriptionRequest { Url = "not a url" }).ResponseAsync
        );
        Assert.Equal(["url", "event_types"], RpcAssert.ViolatedFields(empty));

        Assert.Empty((await Events.ListSubscriptionsAsync(new ListSubscriptionsRequest())).Subscriptions);
    }

    [Fact]
    public async Task A_rotated_secret_signs_the_ping_and_a_deleted_subscription_is_gone()
    {
        using var receiver = new EventReceiver(200);
        var created = await SubscribeAsync(receiver, "offer.expired");
        var rotated = await Events.RotateSubscriptionSecretAsync(
            new RotateSubscriptionSecretRequest { Id = created.Subscription.Id }
        );

        var ping = await Events.PingSubscriptionAsync(new PingSubscriptionRequest { Id = created.Subscription.Id });

        Assert.True(ping.Delivered);
        Assert.Equal(200, ping.HttpStatus);
        var sent = Assert.Single(receiver.Requests);
        Assert.Equal("com.integrationhub.ping", (string?)sent.CloudEvent["type"]);
        Assert.True(sent.SignedWith(rotated.Secret));
        Assert.False(sent.SignedWith(created.Secret));
        Assert.NotNull(rotated.Subscription.SecretRotateTime);

        await Events.DeleteSubscriptionAsync(new DeleteSubscriptionRequest { Id = created.Subscription.Id });
        Assert.Empty((await Events.ListSubscriptionsAsync(new ListSubscriptionsRequest())).Subscriptions);
        await RpcAssert.FailsWith(StatusCode.NotFound, () =>
            Events.PingSubscriptionAsync(new PingSubscriptionRequest { Id = created.Subscription.Id }).ResponseAsync
        );
    }

    /// <summary>
    /// Moves the hub's clock past the back-off until the receiver is sent the event again (the failure may not be
    /// recorded yet when the receiver has answered, so one step might land before the retry time is set).
    /// </summary>
    private async Task RetriedAsync(EventReceiver receiver)
    {
        await SandboxHub.EventuallyAsync(() => receiver.Requests.Count == 1, "the first delivery");
        await SandboxHub.EventuallyAsync(
            () =>
            {
                _hub.Time.Advance(TimeSpan.FromMinutes(1));
                return receiver.Requests.Count == 2;
            },
            "the second delivery"
        );
        await _hub.OutboxDrainedAsync();
    }

    private async Task<CreateSubscriptionResponse> SubscribeAsync(EventReceiver receiver, string eventType)
    {
        var created = await Events.CreateSubscriptionAsync(
            new CreateSubscriptionRequest
            {
                Url = receiver.Url,
                EventTypes = { eventType },
                Description = "test",
            }
        );
        Assert.StartsWith("whsec_", created.Secret, StringComparison.Ordinal);
        Assert.Equal([eventType], created.Subscription.EventTypes);
        return created;
    }

    private async Task<IReadOnlyList<Contracts.Routing.V1.OutboxEffect>> DeadEventsAsync() =>
        (await _hub.Outbox.ListDeadLettersAsync(new ListDeadLettersRequest { Type = "events.deliver" })).Effects;
}
