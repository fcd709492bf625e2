using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using IntegrationHub.Sdk.Http;

namespace IntegrationHub.Connectors.Outreach;

/// <summary>
/// Reads JSON:API documents as Outreach sends them: integer ids, attributes, relationships, included.
/// </summary>
internal sealed class JsonApiDocument(JsonNode? root)
{
    public IReadOnlyList<JsonNode> Data =>
        root?["data"] switch
        {
            JsonArray array => [.. array.OfType<JsonNode>()],
            JsonObject one => [one],
            _ => [],
        };

    public string? Next => root?["links"]?["next"]?.GetValue<string>();

    public JsonNode? Included(string type, string? id) =>
        id is null
            ? null
            : (root?["included"] as JsonArray ?? [])
                .OfType<JsonNode>()
                .FirstOrDefault(n => n["type"]?.GetValue<string>() == type && Id(n) == id);

    /// <summary>A successful answer's document; a body that is not JSON is VendorProtocol.</summary>
    public static JsonApiDocument Parse(string body) => new(VendorJson.Parse(body, OutreachConnector.Name));

    /// <summary>Outreach ids are integers; the hub carries them as strings.</summary>
    public static string? Id(JsonNode? node) =>
        node?["id"] switch
        {
            JsonValue v when v.GetValueKind() == JsonValueKind.Number => v.GetValue<long>()
                .ToString(CultureInfo.InvariantCulture),
            JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
            _ => null,
        };

    public static string? RelatedId(JsonNode resource, string relationship) =>
        Id(resource["relationships"]?[relationship]?["data"]);

    public static string Attr(JsonNode resource, string name) =>
        resource["attributes"]?[name] is JsonValue v && v.GetValueKind() == JsonValueKind.String
            ? v.GetValue<string>()
            : "";

    public static int IntAttr(JsonNode resource, string name) =>
        resource["attributes"]?[name] is JsonValue v && v.GetValueKind() == JsonValueKind.Number
            ? v.GetValue<int>()
            : 0;

    public static DateTimeOffset? TimeAttr(JsonNode resource, string name) =>
        DateTimeOffset.TryParse(
            Attr(resource, name),
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal,
            out var t
        )
            ? t
            : null;
}
