using Google.Protobuf.WellKnownTypes;
using IntegrationHub.Hub.Conversations;
using IntegrationHub.Hub.Decisions;
using Contract = IntegrationHub.Contracts.Routing.V1;

namespace IntegrationHub.Server.RoutingApi;

/// <summary>Conversations and alerts → the routing contract.</summary>
public static class ConversationMapping
{
    public static Contract.Conversation ToContract(this Conversation c)
    {
        var contract = new Contract.Conversation
        {
            Id = c.Id,
            DecisionId = c.DecisionId,
            RepId = c.RepId ?? "",
            Language = c.Language,
            MeetingJoinUrl = c.MeetingJoinUrl ?? "",
            Reason = c.Reason,
            OfferExpireTime = c.OfferExpiresAt is { } e ? Timestamp.FromDateTimeOffset(e) : null,
            UpdateTime = Timestamp.FromDateTimeOffset(c.UpdatedAt),
            CreateTime = c.CreatedAt == default ? null : Timestamp.FromDateTimeOffset(c.CreatedAt),
            State = c.State switch
            {
                ConversationState.Offered => Contract.ConversationState.Offered,
                ConversationState.Accepted => Contract.ConversationState.Accepted,
                ConversationState.WithAiRep => Contract.ConversationState.WithAiRep,
                ConversationState.MeetingOffered => Contract.ConversationState.MeetingOffered,
                ConversationState.MeetingBooked => Contract.ConversationState.MeetingBooked,
                _ => Contract.ConversationState.Closed,
            },
        };
        contract.MeetingSlots.AddRange(
            c.MeetingSlots.Select(s => new Contract.MeetingSlot
            {
                StartTime = Timestamp.FromDateTimeOffset(s.Start),
                EndTime = Timestamp.FromDateTimeOffset(s.End),
            })
        );
        return contract;
    }

    public static ConversationState FromContract(this Contract.ConversationState state) =>
        state switch
        {
            Contract.ConversationState.Offered => ConversationState.Offered,
            Contract.ConversationState.Accepted => ConversationState.Accepted,
            Contract.ConversationState.WithAiRep => ConversationState.WithAiRep,
            Contract.ConversationState.MeetingOffered => ConversationState.MeetingOffered,
            Contract.ConversationState.MeetingBooked => ConversationState.MeetingBooked,
            _ => ConversationState.Closed,
        };

    public static Contract.WatchRepAlertsResponse ToContract(this RepAlert a) =>
        new()
        {
            AlertId = a.AlertId,
            DecisionId = a.DecisionId ?? "",
            ConversationId = a.ConversationId ?? "",
            Message = a.Message,
            CreateTime = Timestamp.FromDateTimeOffset(a.CreatedAt),
            Kind = a.Kind switch
            {
                AlertKind.Offer => Contract.AlertKind.Offer,
                AlertKind.ClickThrough => Contract.AlertKind.ClickThrough,
                AlertKind.Pounce => Contract.AlertKind.Pounce,
                _ => Contract.AlertKind.Notification,
            },
        };
}
