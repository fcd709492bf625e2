using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Google.Protobuf;
using YamlDotNet.Serialization;

namespace IntegrationHub.Cli.Output;

/// <summary>
/// A command's result as a tree, and that tree as JSON or YAML. Hub answers are written in the proto JSON mapping
/// (lowerCamelCase names, enums as their names, times RFC 3339 in UTC, int64 as strings) with default values
/// included, so a script finds every field on every result, present or not.
/// </summary>
internal static class ResultTree
{
    private static readonly JsonFormatter Proto = new(JsonFormatter.Settings.Default.WithFormatDefaultValues(true));

    // Names and text as they are ("Société Générale", "<id>"): the output is data for a script, not HTML.
    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    // Strings that would read as another type ("true", "123", "") are quoted, so YAML holds the same tree as JSON.
    private static readonly ISerializer Yaml = new SerializerBuilder().WithQuotingNecessaryStrings().Build();

    public static JsonNode Of(IMessage message) => JsonNode.Parse(Proto.Format(message))!;

    public static JsonArray Of(IEnumerable<IMessage> messages) => [.. messages.Select(m => (JsonNode?)Of(m))];

    public static string Format(JsonNode node, OutputFormat format) =>
        format == OutputFormat.Yaml
            ? Yaml.Serialize(Plain(JsonSerializer.SerializeToElement(node))).TrimEnd('\n')
            : node.ToJsonString(Indented);

    /// <summary>The tree as dictionaries, lists and scalars, which is what the YAML serializer walks.</summary>
    private static object? Plain(JsonElement value) =>
        value.ValueKind switch
        {
            JsonValueKind.Object => value.EnumerateObject().ToDictionary(p => p.Name, p => Plain(p.Value)),
            JsonValueKind.Array => value.EnumerateArray().Select(Plain).ToList(),
            JsonValueKind.String => value.GetString(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Number when value.TryGetInt64(out var whole) => whole,
            JsonValueKind.Number => value.GetDouble(),
            _ => null,
        };
}
