using System.Text.Json;
using IntegrationHub.Hub.Decisions;

namespace IntegrationHub.Hub.Conversations;

public enum AlertKind
{
    Offer,
    ClickThrough,
    Pounce,
    Notification,
}

/// <summary>An alert on a rep's stream.</summary>
public sealed record RepAlert(
    string AlertId,
    string RepId,
    AlertKind Kind,
    string? DecisionId,
    string? ConversationId,
    string Message,
    DateTimeOffset CreatedAt
)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public string ToJson() => JsonSerializer.Serialize(this, Json);

    public static RepAlert FromJson(string json) => JsonSerializer.Deserialize<RepAlert>(json, Json)!;

    public static string Channel(string repId) => "rep:" + repId;
}
