using IntegrationHub.Hub.Decisions;

namespace IntegrationHub.Hub.Conversations;

/// <summary>Event-bus channel names.</summary>
public static class ConversationChannels
{
    public static string Of(string conversationId) => "conversation:" + conversationId;
}
