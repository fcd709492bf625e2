using IntegrationHub.Storage.Conversations;
using IntegrationHub.Storage.Scheduling;

namespace IntegrationHub.Hub.Conversations;

/// <summary>A conversation as a decision opens it: its stored row and, for an offer, the accept timer.</summary>
public sealed record Opening(Conversation Conversation, StoredConversation Stored, ScheduledWork? Timer)
{
    public static Opening Of(Conversation conversation, ScheduledWork? timer) =>
        new(
            conversation,
            new StoredConversation(
                conversation.Id,
                conversation.DecisionId,
                conversation.State.ToString(),
                conversation.RepId,
                conversation.OfferExpiresAt,
                1,
                conversation.ToJson(),
                conversation.UpdatedAt
            ),
            timer
        );
}
