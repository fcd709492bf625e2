using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using IntegrationHub.Contracts.Events.V1;
using IntegrationHub.Hub.RoutingEvents;
using IntegrationHub.Storage.RoutingEvents;

namespace IntegrationHub.Server.Events;

/// <summary>Subscribers to routing events (admin scope): the edge over <see cref="EventSubscriptions"/>.</summary>
public sealed class RoutingEventsGrpcService(EventSubscriptions subscriptions)
    : RoutingEventsService.RoutingEventsServiceBase
{
    public override async Task<CreateSubscriptionResponse> CreateSubscription(
        CreateSubscriptionRequest request,
        ServerCallContext context
    )
    {
        var user = context.GetHttpContext().User;
        var created = await subscriptions.CreateAsync(
            request.Url,
            [.. request.EventTypes],
            request.Description,
            user.Identity?.Name ?? "unknown caller",
            context.CancellationToken
        );
        return new CreateSubscriptionResponse
        {
            Subscription = ToContract(created.Subscription),
            Secret = created.Secret,
        };
    }

    public override async Task<ListSubscriptionsResponse> ListSubscriptions(
        ListSubscriptionsRequest request,
        ServerCallContext context
    )
    {
        var response = new ListSubscriptionsResponse();
        response.Subscriptions.AddRange((await subscriptions.ListAsync(context.CancellationToken)).Select(ToContract));
        return response;
    }

    public override async Task<DeleteSubscriptionResponse> DeleteSubscription(
        DeleteSubscriptionRequest request,
        ServerCallContext context
    ) => new() { Subscription = ToContract(await subscriptions.DeleteAsync(request.Id, context.CancellationToken)) };

    public override async Task<RotateSubscriptionSecretResponse> RotateSubscriptionSecret(
        RotateSubscriptionSecretRequest request,
        ServerCallContext context
    )
    {
        var rotated = await subscriptions.RotateSecretAsync(request.Id, context.CancellationToken);
        return new RotateSubscriptionSecretResponse
        {
            Subscription = ToContract(rotated.Subscription),
            Secret = rotated.Secret,
        };
    }

    public override async Task<PingSubscriptionResponse> PingSubscription(
        PingSubscriptionRequest request,
        ServerCallContext context
    )
    {
        var outcome = await subscriptions.PingAsync(request.Id, context.CancellationToken);
        return new PingSubscriptionResponse
        {
            Delivered = outcome.Delivered,
            HttpStatus = outcome.StatusCode,
            Error = outcome.Error,
        };
    }

    private static Subscription ToContract(StoredEventSubscription stored)
    {
        var contract = new Subscription
        {
            Id = stored.Id,
            Url = stored.Url,
            Description = stored.Description,
            CreatedBy = stored.CreatedBy,
            CreateTime = Timestamp.FromDateTimeOffset(stored.CreatedAt),
            SecretRotateTime = stored.SecretRotatedAt is { } at ? Timestamp.FromDateTimeOffset(at) : null,
        };
        contract.EventTypes.AddRange(stored.EventTypes);
        return contract;
    }
}
