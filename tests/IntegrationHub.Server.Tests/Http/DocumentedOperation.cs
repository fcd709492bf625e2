using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;

namespace IntegrationHub.Server.Tests.Http;

/// <summary>
/// One operation of the hub's OpenAPI document, and requests made from it the way a client generated from the
/// document makes them: path and query parameters under their documented names, a JSON body of the documented
/// shape, values from <paramref name="samples"/> by name (or the first value of an enum). A name with no sample
/// fails the test: a new operation needs its sample values written down.
/// </summary>
public sealed class DocumentedOperation(
    string path,
    string verb,
    JsonObject operation,
    OpenApiSchemaCheck schemas,
    IReadOnlyDictionary<string, Func<JsonNode>> samples
)
{
    public string Path => path;

    public string Verb => verb;

    public JsonObject Operation => operation;

    public OpenApiSchemaCheck Schemas => schemas;

    public string Id => (string)Operation["operationId"]!;

    public IEnumerable<JsonObject> Parameters => Operation["parameters"]!.AsArray().Select(p => p!.AsObject());

    public JsonNode? BodySchema => Operation["requestBody"]?["content"]?["application/json"]?["schema"];

    public static IEnumerable<DocumentedOperation> All(
        JsonNode document,
        IReadOnlyDictionary<string, Func<JsonNode>> samples
    )
    {
        var checker = new OpenApiSchemaCheck(document);
        foreach (var (route, verbs) in document["paths"]!.AsObject())
        {
            foreach (var (method, described) in verbs!.AsObject())
            {
                yield return new DocumentedOperation(route, method, described!.AsObject(), checker, samples);
            }
        }
    }

    /// <summary>
    /// The request with the required parameters and body fields (<paramref name="everything"/>: every documented
    /// one), each parameter replaced by <paramref name="values"/> where it names it (null leaves it out).
    /// </summary>
    public HttpRequestMessage Request(
        bool everything = false,
        IReadOnlyDictionary<string, string?>? values = null,
        JsonNode? body = null
    )
    {
        var target = Path;
        var query = new List<string>();
        foreach (
            var parameter in Parameters.Where(p =>
                everything || (bool)p["required"]! || values?.ContainsKey((string)p["name"]!) == true
            )
        )
        {
            var name = (string)parameter["name"]!;
            var value =
                values is not null && values.TryGetValue(name, out var given)
                    ? given
                    : Text(Sample(name, parameter["schema"]!));
            if (value is null)
            {
                continue;
            }

            if ((string)parameter["in"]! == "path")
            {
                target = target.Replace("{" + name + "}", Uri.EscapeDataString(value), StringComparison.Ordinal);
            }
            else
            {
                query.Add($"{Uri.EscapeDataString(name)}={Uri.EscapeDataString(value)}");
            }
        }

        var request = new HttpRequestMessage(
            new HttpMethod(Verb.ToUpperInvariant()),
            target + (query.Count > 0 ? "?" + string.Join('&', query) : "")
        );
        if (BodySchema is { } schema)
        {
            request.Content = new StringContent(
                (body ?? Sample("", schema, everything)).ToJsonString(),
                Encoding.UTF8,
                new MediaTypeHeaderValue("application/json")
            );
        }

        return request;
    }

    /// <summary>A value of the schema: a sample by name, or an object of its required (or all) properties.</summary>
    public JsonNode Sample(string name, JsonNode schema, bool everything = false)
    {
        schema = Schemas.Resolve(schema);
        if ((string?)schema["type"] == "object")
        {
            var sample = new JsonObject();
            var required = schema["required"]?.AsArray().Select(r => (string)r!).ToHashSet() ?? [];
            foreach (var (property, propertySchema) in schema["properties"]!.AsObject())
            {
                if (everything || required.Contains(property))
                {
                    sample[property] = Sample(property, propertySchema!, everything);
                }
            }

            return sample;
        }

        if (samples.TryGetValue(name, out var value))
        {
            return value();
        }

        if (schema["enum"] is JsonArray values)
        {
            return JsonValue.Create(
                values.Select(v => (string)v!).First(v => !v.EndsWith("_UNSPECIFIED", StringComparison.Ordinal))
            );
        }

        if ((string?)schema["type"] == "array")
        {
            return new JsonArray(Sample(name, schema["items"]!, everything));
        }

        throw new InvalidOperationException($"{Id}: no sample value for '{name}': add one to the test's samples.");
    }

    private static string Text(JsonNode value) =>
        value is JsonValue v && v.TryGetValue(out string? s) ? s : value.ToJsonString();

    /// <summary>The documented schema of a response, or null when the operation does not document the status.</summary>
    public JsonNode? ResponseSchema(string status) =>
        Operation["responses"]![status]?["content"]?["application/json"]?["schema"];
}
