using System.Text.Json;
using System.Text.Json.Serialization;
using IntegrationHub.Routing.Decisions;
using IntegrationHub.Routing.Leads;
using IntegrationHub.Storage.Decisions;

namespace IntegrationHub.Hub.Decisions;

/// <summary>Decisions as stored: the indexed columns plus the whole decision as JSON.</summary>
public static class DecisionJson
{
    public const string VisitorKind = "visitor";
    public const string LeadKind = "lead";

    /// <summary>How decisions and effect payloads are written: web casing, enums by name.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    public static StoredDecision ToStored(this VisitorDecision d, string requestFingerprint) =>
        new(
            d.Id,
            VisitorKind,
            d.RequestId,
            d.CreatedAt,
            d.Target.RepId,
            d.MatchedRule,
            JsonSerializer.Serialize(d, Json),
            requestFingerprint
        );

    public static StoredDecision ToStored(this LeadDecision d, string requestFingerprint) =>
        new(
            d.Id,
            LeadKind,
            d.RequestId,
            d.CreatedAt,
            d.Target.RepId,
            d.MatchedRule,
            JsonSerializer.Serialize(d with { Effects = [] }, Json),
            requestFingerprint
        );

    public static VisitorDecision Visitor(this StoredDecision stored) =>
        JsonSerializer.Deserialize<VisitorDecision>(stored.Payload, Json)!;

    public static LeadDecision Lead(this StoredDecision stored) =>
        JsonSerializer.Deserialize<LeadDecision>(stored.Payload, Json)!;

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Json);
}
