using System.Text.Json.Nodes;
using Google.Api;
using Google.Protobuf.Reflection;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;

namespace IntegrationHub.Server.Http;

/// <summary>
/// The OpenAPI 3 description of the JSON-over-HTTP routes, built from the google.api.http
/// annotations of the contracts themselves, so it cannot drift from what the hub serves.
/// Field names and types follow protobuf's JSON mapping (lowerCamelCase, 64-bit integers as
/// strings, enums as their names, timestamps as RFC 3339).
/// </summary>
public static class OpenApiDocument
{
    public const string Path = "/openapi/v1.json";

    public static JsonObject Build(IEnumerable<ServiceDescriptor> services)
    {
        var paths = new JsonObject();
        var schemas = new SortedDictionary<string, JsonNode>(StringComparer.Ordinal);
        foreach (var method in services.SelectMany(s => s.Methods))
        {
            if (method.GetOptions()?.GetExtension(AnnotationsExtensions.Http) is not { } rule)
            {
                continue;
            }

            var (verb, template) = rule.PatternCase switch
            {
                HttpRule.PatternOneofCase.Get => ("get", rule.Get),
                HttpRule.PatternOneofCase.Post => ("post", rule.Post),
                HttpRule.PatternOneofCase.Put => ("put", rule.Put),
                HttpRule.PatternOneofCase.Delete => ("delete", rule.Delete),
                HttpRule.PatternOneofCase.Patch => ("patch", rule.Patch),
                _ => (null, null),
            };
            if (verb is null || template is null)
            {
                continue;
            }

            var path = (JsonObject)(paths[template] ??= new JsonObject());
            path[verb] = Operation(method, template, rule.Body, schemas);
        }

        return new JsonObject
        {
            ["openapi"] = "3.0.3",
            ["info"] = new JsonObject { ["title"] = "IntegrationHub routing and presence", ["version"] = "v1" },
            ["security"] = new JsonArray(
                new JsonObject { ["apiKey"] = new JsonArray() },
                new JsonObject { ["bearer"] = new JsonArray() }
            ),
            ["paths"] = paths,
            ["components"] = new JsonObject
            {
                ["securitySchemes"] = new JsonObject
                {
                    ["apiKey"] = new JsonObject
                    {
                        ["type"] = "apiKey",
                        ["in"] = "header",
                        ["name"] = "x-api-key",
                    },
                    ["bearer"] = new JsonObject
                    {
                        ["type"] = "http",
                        ["scheme"] = "bearer",
                        ["bearerFormat"] = "JWT",
                    },
                },
                ["schemas"] = new JsonObject([.. schemas.Select(s => KeyValuePair.Create(s.Key, (JsonNode?)s.Value))]),
            },
        };
    }

    private static JsonObject Operation(
        MethodDescriptor method,
        string template,
        string body,
        SortedDictionary<string, JsonNode> schemas
    )
    {
        var inPath = template
            .Split('{', '}')
            .Where((_, i) => i % 2 == 1)
            .Select(p => p.Split('=')[0])
            .ToHashSet(StringComparer.Ordinal);
        var parameters = new JsonArray();
        foreach (var field in method.InputType.Fields.InDeclarationOrder())
        {
            var located =
                inPath.Contains(field.Name) ? "path"
                : body == "*" || field.FieldType == FieldType.Message ? null
                : "query";
            if (located is not null)
            {
                parameters.Add(
                    new JsonObject
                    {
                        ["name"] = located == "path" ? field.Name : field.JsonName,
                        ["in"] = located,
                        ["required"] = located == "path",
                        ["schema"] = Schema(field, schemas),
                    }
                );
            }
        }

        var operation = new JsonObject
        {
            ["operationId"] = method.Name,
            ["summary"] =
                $"{method.Service.Name}.{method.Name}"
                + (method.IsServerStreaming ? " (a stream of JSON messages)" : ""),
            ["parameters"] = parameters,
            ["responses"] = new JsonObject
            {
                ["200"] = new JsonObject
                {
                    ["description"] = "OK",
                    ["content"] = Json(Reference(method.OutputType, schemas)),
                },
                ["default"] = new JsonObject
                {
                    ["description"] =
                        "A google.rpc.Status: code, message, details (field violations, error info, retry info)",
                },
            },
        };
        if (body == "*")
        {
            operation["requestBody"] = new JsonObject
            {
                ["required"] = true,
                ["content"] = Json(Reference(method.InputType, schemas)),
            };
        }

        return operation;
    }

    private static JsonObject Json(JsonNode schema) =>
        new() { ["application/json"] = new JsonObject { ["schema"] = schema } };

    private static JsonObject Reference(MessageDescriptor message, SortedDictionary<string, JsonNode> schemas)
    {
        if (!schemas.ContainsKey(message.FullName))
        {
            schemas[message.FullName] = new JsonObject();
            var properties = new JsonObject();
            foreach (var field in message.Fields.InDeclarationOrder())
            {
                properties[field.JsonName] =
                    field.IsRepeated && !field.IsMap
                        ? new JsonObject { ["type"] = "array", ["items"] = Schema(field, schemas) }
                        : Schema(field, schemas);
            }

            schemas[message.FullName] = new JsonObject { ["type"] = "object", ["properties"] = properties };
        }

        return new JsonObject { ["$ref"] = "#/components/schemas/" + message.FullName };
    }

    private static JsonNode Schema(FieldDescriptor field, SortedDictionary<string, JsonNode> schemas) =>
        field.FieldType switch
        {
            FieldType.String => new JsonObject { ["type"] = "string" },
            FieldType.Bool => new JsonObject { ["type"] = "boolean" },
            FieldType.Int32 or FieldType.SInt32 or FieldType.SFixed32 or FieldType.UInt32 or FieldType.Fixed32 =>
                new JsonObject { ["type"] = "integer", ["format"] = "int32" },
            FieldType.Int64 or FieldType.SInt64 or FieldType.SFixed64 or FieldType.UInt64 or FieldType.Fixed64 =>
                new JsonObject { ["type"] = "string", ["format"] = "int64" },
            FieldType.Double or FieldType.Float => new JsonObject { ["type"] = "number" },
            FieldType.Bytes => new JsonObject { ["type"] = "string", ["format"] = "byte" },
            FieldType.Enum => new JsonObject
            {
                ["type"] = "string",
                ["enum"] = new JsonArray([.. field.EnumType.Values.Select(v => (JsonNode)JsonValue.Create(v.Name))]),
            },
            FieldType.Message when field.MessageType.FullName == "google.protobuf.Timestamp" => new JsonObject
            {
                ["type"] = "string",
                ["format"] = "date-time",
            },
            FieldType.Message when field.MessageType.FullName == "google.protobuf.Duration" => new JsonObject
            {
                ["type"] = "string",
                ["example"] = "30s",
            },
            FieldType.Message => Reference(field.MessageType, schemas),
            _ => new JsonObject(),
        };
}
