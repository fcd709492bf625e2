using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace IntegrationHub.Server.Tests.Http;

/// <summary>
/// Checks a JSON value against a schema of an OpenAPI 3.0 document, for the keywords the hub's document uses:
/// $ref, type, format (int32, int64, date-time), pattern, enum, properties, required, additionalProperties, items,
/// oneOf, minimum. Stricter than the standard in one way: a property the schema does not describe is a problem,
/// since a caller reading the document would not know it.
/// </summary>
public sealed class OpenApiSchemaCheck(JsonNode document)
{
    public IReadOnlyList<string> Problems(JsonNode schema, JsonNode? value, string at = "$")
    {
        var problems = new List<string>();
        Check(schema, value, at, problems);
        return problems;
    }

    public JsonNode Resolve(JsonNode schema)
    {
        while (schema["$ref"] is { } reference)
        {
            var name = ((string)reference!).Split('/')[^1];
            schema = document["components"]!["schemas"]![name] ?? throw new KeyNotFoundException($"no schema {name}");
        }

        return schema;
    }

    private void Check(JsonNode schema, JsonNode? value, string at, List<string> problems)
    {
        schema = Resolve(schema);
        if (schema["oneOf"] is JsonArray choices)
        {
            var matching = choices.Count(c => Problems(c!, value, at).Count == 0);
            if (matching != 1)
            {
                problems.Add(
                    $"{at}: matches {matching} of the oneOf schemas, not exactly one: {value?.ToJsonString()}"
                );
            }

            return;
        }

        var type = (string?)schema["type"];
        var kind = value?.GetValueKind() ?? JsonValueKind.Null;
        switch (type)
        {
            case "object" when kind == JsonValueKind.Object:
                Object(schema, value!.AsObject(), at, problems);
                break;
            case "array" when kind == JsonValueKind.Array:
                foreach (var (item, i) in value!.AsArray().Select((v, i) => (v, i)))
                {
                    Check(schema["items"]!, item, $"{at}[{i}]", problems);
                }

                break;
            case "string" when kind == JsonValueKind.String:
                String(schema, (string)value!, at, problems);
                break;
            case "integer" when kind == JsonValueKind.Number && value!.AsValue().TryGetValue(out long number):
                if (schema["format"]?.ToString() == "int32" && number is < int.MinValue or > int.MaxValue)
                {
                    problems.Add($"{at}: {number} is not an int32");
                }

                if (schema["minimum"] is { } minimum && number < (long)minimum)
                {
                    problems.Add($"{at}: {number} is below the minimum {minimum}");
                }

                break;
            case "number" when kind == JsonValueKind.Number:
            case "boolean" when kind is JsonValueKind.True or JsonValueKind.False:
                break;
            default:
                problems.Add($"{at}: {value?.ToJsonString() ?? "null"} is not a {type ?? "(untyped)"}");
                break;
        }
    }

    private void Object(JsonNode schema, JsonObject value, string at, List<string> problems)
    {
        var properties = schema["properties"]?.AsObject();
        foreach (var required in schema["required"]?.AsArray() ?? [])
        {
            if (!value.ContainsKey((string)required!))
            {
                problems.Add($"{at}: the required property {required} is missing");
            }
        }

        foreach (var (name, item) in value)
        {
            if (properties?[name] is { } property)
            {
                Check(property, item, $"{at}.{name}", problems);
            }
            else if (schema["additionalProperties"] is JsonObject additional)
            {
                Check(additional, item, $"{at}.{name}", problems);
            }
            else
            {
                problems.Add($"{at}: the property {name} is not in the document");
            }
        }
    }

    private static void String(JsonNode schema, string value, string at, List<string> problems)
    {
        if (schema["enum"] is JsonArray allowed && !allowed.Any(a => (string?)a == value))
        {
            problems.Add($"{at}: '{value}' is not one of the documented values");
        }

        if (schema["pattern"] is { } pattern && !Regex.IsMatch(value, (string)pattern!))
        {
            problems.Add($"{at}: '{value}' does not match {pattern}");
        }

        var format = (string?)schema["format"];
        if (
            format == "int64"
            && !long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _)
        )
        {
            problems.Add($"{at}: '{value}' is not an int64 in a string");
        }

        if (
            format == "date-time"
            && !Regex.IsMatch(value, @"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-]\d{2}:\d{2})$")
        )
        {
            problems.Add($"{at}: '{value}' is not an RFC 3339 date-time");
        }
    }
}
