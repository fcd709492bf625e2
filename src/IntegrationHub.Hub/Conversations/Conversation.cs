using System.Text.Json;
using System.Text.Json.Serialization;
using IntegrationHub.Hub.Decisions;
using IntegrationHub.Sdk.Capabilities.Meetings;
using IntegrationHub.Storage.Conversations;

namespace IntegrationHub.Hub.Conversations;

public enum ConversationState
{
    Offered,
    Accepted,
    WithAiRep,
    MeetingOffered,
    MeetingBooked,
    Closed,
}

/// <summary>A routed visitor's conversation: who has it, what was offered, and why it is where it is.</summary>
public sealed record Conversation
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public required string Id { get; init; }
    public required string DecisionId { get; init; }
    public ConversationState State { get; init; }
    public string? RepId { get; init; }
    public DateTimeOffset? OfferExpiresAt { get; init; }
    public string Language { get; init; } = "en";
    public IReadOnlyList<TimeSlot> MeetingSlots { get; init; } = [];
    public string? MeetingJoinUrl { get; init; }
    public string Reason { get; init; } = "";
    public DateTimeOffset UpdatedAt { get; init; }

    /// <summary>The BDR a pounce alert went to, if the decision raised one: their acceptance is a won pounce.</summary>
    public string? PounceRepId { get; init; }

    /// <summary>How the offer to a rep ended ("accepted", "declined", "expired"); null while open.</summary>
    public string? OfferOutcome { get; init; }

    /// <summary>When the offer to a rep was answered or expired: the end of the visitor's wait.</summary>
    public DateTimeOffset? OfferAnsweredAt { get; init; }

    /// <summary>When the visitor was routed: the start of their wait.</summary>
    public DateTimeOffset CreatedAt { get; init; }
    public long Version { get; init; }

    public string ToJson() => JsonSerializer.Serialize(this with { Version = 0 }, Json);

    public static Conversation FromStored(StoredConversation stored) =>
        (
            JsonSerializer.Deserialize<Conversation>(stored.Payload, Json)
            ?? throw new InvalidDataException($"conversation {stored.Id} is unreadable")
        ) with
        {
            Version = stored.Version,
            UpdatedAt = stored.UpdatedAt,
        };

    public static Conversation FromJson(string json) => JsonSerializer.Deserialize<Conversation>(json, Json)!;
}
