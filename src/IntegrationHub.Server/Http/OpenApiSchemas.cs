using System.Text.Json.Nodes;
using Google.Api;
using Google.Protobuf.Reflection;

namespace IntegrationHub.Server.Http;

/// <summary>
/// The JSON schemas of the contracts' messages as protobuf's JSON mapping writes and reads them: lowerCamelCase
/// names, 64-bit integers as strings, enums as their names, Timestamps as RFC 3339 and Durations as seconds with
/// an "s". A field marked <c>(google.api.field_behavior) = REQUIRED</c> — the fields the hub's validation refuses
/// to go without — is required.
/// </summary>
public sealed class OpenApiSchemas
{
    private const string Prefix = "#/components/schemas/";

    private readonly SortedDictionary<string, JsonNode> _components = new(StringComparer.Ordinal);

    /// <summary>The component schemas referenced so far, by message name.</summary>
    public JsonObject Components() =>
        new([.. _components.Select(c => KeyValuePair.Create(c.Key, (JsonNode?)c.Value.DeepClone()))]);

    public void Add(string name, JsonNode schema) => _components[name] = schema;

    public static JsonObject Reference(string name) => new() { ["$ref"] = Prefix + name };

    public static bool IsRequired(FieldDescriptor field) =>
        field.GetOptions()?.GetExtension(FieldBehaviorExtensions.FieldBehavior)?.Contains(FieldBehavior.Required)
        == true;

    /// <summary>A reference to the message's component schema, made on first use.</summary>
    public JsonObject Message(MessageDescriptor message) => Message(message, except: new HashSet<string>());

    /// <summary>The message's schema without <paramref name="except"/> (fields bound in the path), inline.</summary>
    public JsonObject Message(MessageDescriptor message, IReadOnlySet<string> except)
    {
        if (except.Count == 0 && _components.ContainsKey(message.FullName))
        {
            return Reference(message.FullName);
        }

        if (except.Count == 0)
        {
            // Placed before its fields are described, so a message that contains itself refers to itself.
            _components[message.FullName] = new JsonObject();
        }

        var properties = new JsonObject();
        var required = new JsonArray();
        foreach (var field in message.Fields.InDeclarationOrder().Where(f => !except.Contains(f.Name)))
        {
            properties[field.JsonName] = Field(field);
            if (IsRequired(field))
            {
                required.Add(field.JsonName);
            }
        }

        var schema = new JsonObject { ["type"] = "object", ["properties"] = properties };
        if (required.Count > 0)
        {
            schema["required"] = required;
        }

        if (except.Count > 0)
        {
            return schema;
        }

        _components[message.FullName] = schema;
        return Reference(message.FullName);
    }

    /// <summary>A field's schema: an array of its values when repeated, an object of them when a map.</summary>
    public JsonNode Field(FieldDescriptor field)
    {
        if (field.IsMap)
        {
            return new JsonObject
            {
                ["type"] = "object",
                ["additionalProperties"] = Value(field.MessageType.Fields[2]),
            };
        }

        return field.IsRepeated ? new JsonObject { ["type"] = "array", ["items"] = Value(field) } : Value(field);
    }

    /// <summary>The schema of one value of the field.</summary>
    public JsonNode Value(FieldDescriptor field) =>
        field.FieldType switch
        {
            FieldType.String => new JsonObject { ["type"] = "string" },
            FieldType.Bool => new JsonObject { ["type"] = "boolean" },
            FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32 => new JsonObject
            {
                ["type"] = "integer",
                ["format"] = "int32",
            },
            FieldType.UInt32 or FieldType.Fixed32 => new JsonObject
            {
                ["type"] = "integer",
                ["format"] = "int32",
                ["minimum"] = 0,
            },
            FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64 => new JsonObject
            {
                ["type"] = "string",
                ["format"] = "int64",
                ["pattern"] = "^-?[0-9]+$",
            },
            FieldType.UInt64 or FieldType.Fixed64 => new JsonObject
            {
                ["type"] = "string",
                ["format"] = "int64",
                ["pattern"] = "^[0-9]+$",
            },
            FieldType.Double or FieldType.Float => new JsonObject
            {
                ["type"] = "number",
                ["format"] = field.FieldType == FieldType.Double ? "double" : "float",
            },
            FieldType.Bytes => new JsonObject { ["type"] = "string", ["format"] = "byte" },
            FieldType.Enum => new JsonObject
            {
                ["type"] = "string",
                ["enum"] = new JsonArray([.. field.EnumType.Values.Select(v => (JsonNode)JsonValue.Create(v.Name))]),
            },
            FieldType.Message => WellKnown(field.MessageType.FullName) ?? Message(field.MessageType),
            _ => new JsonObject(),
        };

    private static JsonObject? WellKnown(string name) =>
        name switch
        {
            "google.protobuf.Timestamp" => new JsonObject
            {
                ["type"] = "string",
                ["format"] = "date-time",
                ["example"] = "2026-11-23T15:00:00Z",
            },
            "google.protobuf.Duration" => new JsonObject
            {
                ["type"] = "string",
                ["pattern"] = "^-?[0-9]+(\\.[0-9]{1,9})?s$",
                ["example"] = "30s",
            },
            _ => null,
        };
}
