using Grpc.Core;
using IntegrationHub.Contracts.Routing.V1;
using IntegrationHub.Hub.Conversations;
using IntegrationHub.Hub.Decisions;
using IntegrationHub.Server.Errors;
using IntegrationHub.Storage.Conversations;
using IntegrationHub.Storage.Events;

namespace IntegrationHub.Server.RoutingApi;

/// <summary>Offers, acceptance, handovers and meeting booking of a routed visitor's conversation.</summary>
public sealed class ConversationGrpcService(ConversationFlow flow, ConversationStore conversations, IHubEventBus events)
    : ConversationService.ConversationServiceBase
{
    public override async Task<ListConversationsResponse> ListConversations(
        ListConversationsRequest request,
        ServerCallContext context
    )
    {
        var validator = new RequestValidator();
        if (request.State is Contracts.Routing.V1.ConversationState.Unspecified || !Enum.IsDefined(request.State))
        {
            validator.Add(
                "state",
                "is required: OFFERED, ACCEPTED, WITH_AI_REP, MEETING_OFFERED, MEETING_BOOKED or CLOSED"
            );
        }

        var size = request.PageSize == 0 ? 100 : validator.Range("page_size", request.PageSize, 1, 500);
        validator.ThrowIfInvalid();
        var stored = await conversations.ListAsync(
            request.State.FromContract().ToString(),
            size,
            context.CancellationToken
        );
        var response = new ListConversationsResponse();
        response.Conversations.AddRange(stored.Select(c => Hub.Conversations.Conversation.FromStored(c).ToContract()));
        return response;
    }

    public override async Task<AcceptOfferResponse> AcceptOffer(AcceptOfferRequest request, ServerCallContext context)
    {
        var (id, rep) = Validate(request.ConversationId, request.RepId);
        return new AcceptOfferResponse
        {
            Conversation = (await flow.AcceptAsync(id, rep, context.CancellationToken)).ToContract(),
        };
    }

    public override async Task<DeclineOfferResponse> DeclineOffer(
        DeclineOfferRequest request,
        ServerCallContext context
    )
    {
        var (id, rep) = Validate(request.ConversationId, request.RepId, request.Reason);
        return new DeclineOfferResponse
        {
            Conversation = (await flow.DeclineAsync(id, rep, request.Reason, context.CancellationToken)).ToContract(),
        };
    }

    public override async Task<GetConversationResponse> GetConversation(
        GetConversationRequest request,
        ServerCallContext context
    )
    {
        var validator = new RequestValidator();
        var id = validator.Required("conversation_id", request.ConversationId, 64);
        validator.ThrowIfInvalid();
        return new GetConversationResponse
        {
            Conversation = (await flow.GetAsync(id, context.CancellationToken)).ToContract(),
        };
    }

    public override async Task WatchConversation(
        WatchConversationRequest request,
        IServerStreamWriter<WatchConversationResponse> responseStream,
        ServerCallContext context
    )
    {
        var validator = new RequestValidator();
        var id = validator.Required("conversation_id", request.ConversationId, 64);
        validator.ThrowIfInvalid();

        // Subscribe before reading the current state, so no change falls between the two.
        using var subscription = events.Subscribe(ConversationChannels.Of(id));
        var current = await flow.GetAsync(id, context.CancellationToken);
        await responseStream.WriteAsync(
            new WatchConversationResponse { Conversation = current.ToContract() },
            context.CancellationToken
        );
        await foreach (var json in subscription.Events.ReadAllAsync(context.CancellationToken))
        {
            var changed = Hub.Conversations.Conversation.FromJson(json);
            await responseStream.WriteAsync(
                new WatchConversationResponse { Conversation = changed.ToContract() },
                context.CancellationToken
            );
        }
    }

    public override async Task<BookMeetingResponse> BookMeeting(BookMeetingRequest request, ServerCallContext context)
    {
        var validator = new RequestValidator();
        var id = validator.Required("conversation_id", request.ConversationId, 64);
        var start = validator.Timestamp("slot_start_time", request.SlotStartTime, required: true);
        var email = validator.Email("invitee_email", request.InviteeEmail, required: true);
        validator.ThrowIfInvalid();
        return new BookMeetingResponse
        {
            Conversation = (await flow.BookAsync(id, start!.Value, email, context.CancellationToken)).ToContract(),
        };
    }

    private static (string Id, string Rep) Validate(string conversationId, string repId, string? reason = null)
    {
        var validator = new RequestValidator();
        var id = validator.Required("conversation_id", conversationId, 64);
        var rep = validator.Required("rep_id", repId, 64);
        validator.Length("reason", reason, 500);
        validator.ThrowIfInvalid();
        return (id, rep);
    }
}
