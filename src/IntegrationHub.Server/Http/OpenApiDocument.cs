using System.Text.Json.Nodes;
using Google.Api;
using Google.Protobuf.Reflection;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;

namespace IntegrationHub.Server.Http;

/// <summary>
/// The OpenAPI 3 description of the JSON-over-HTTP routes, built from the google.api.http
/// annotations of the contracts themselves, so it cannot drift from what the hub serves; rendered for people at
/// <see cref="DocsPath"/>. Field names and types follow protobuf's JSON mapping (<see cref="OpenApiSchemas"/>),
/// errors are google.rpc.Status (<see cref="OpenApiErrors"/>).
/// </summary>
public static class OpenApiDocument
{
    public const string Path = "/openapi/v1.json";

    public const string DocsPath = "/docs";

    public static JsonObject Build(IEnumerable<ServiceDescriptor> services) => Build(services, ContractComments.Load());

    public static JsonObject Build(IEnumerable<ServiceDescriptor> services, ContractComments comments)
    {
        var paths = new SortedDictionary<string, JsonObject>(StringComparer.Ordinal);
        var tags = new JsonArray();
        var schemas = new OpenApiSchemas();
        OpenApiErrors.AddSchemas(schemas);
        foreach (var service in services)
        {
            var routed = 0;
            foreach (var method in service.Methods)
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

                var route = OpenApiOperation.Path(template, method.InputType);
                var path = paths.TryGetValue(route, out var known) ? known : paths[route] = [];
                path[verb] = OpenApiOperation.Build(method, template, rule.Body, schemas, comments);
                routed++;
            }

            if (routed > 0)
            {
                tags.Add(new JsonObject { ["name"] = service.Name, ["description"] = comments.Of(service) });
            }
        }

        return new JsonObject
        {
            ["openapi"] = "3.0.3",
            ["info"] = new JsonObject
            {
                ["title"] = "IntegrationHub routing and presence",
                ["version"] = "v1",
                ["description"] =
                    "The hub's RPCs that answer JSON over HTTP (gRPC JSON transcoding). Every call needs an API key "
                    + "in `x-api-key` (or a bearer token) holding the scope the operation names. Fields are "
                    + "lowerCamelCase; 64-bit integers are strings; enums are their names; times are RFC 3339. "
                    + "Every error is a google.rpc.Status; bad input is a 400 listing every field violation under "
                    + "the field's JSON name, and nothing is written or sent.",
                ["license"] = new JsonObject { ["name"] = "Proprietary" },
            },
            ["servers"] = new JsonArray(new JsonObject { ["url"] = "/", ["description"] = "This hub" }),
            ["tags"] = tags,
            ["security"] = new JsonArray(
                new JsonObject { ["apiKey"] = new JsonArray() },
                new JsonObject { ["bearer"] = new JsonArray() }
            ),
            ["paths"] = new JsonObject([.. paths.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value))]),
            ["components"] = new JsonObject
            {
                ["securitySchemes"] = new JsonObject
                {
                    ["apiKey"] = new JsonObject
                    {
                        ["type"] = "apiKey",
                        ["in"] = "header",
                        ["name"] = "x-api-key",
                        ["description"] =
                            "An API key (`ihk_…`): the sandbox hub prints one with every scope at start; "
                            + "`hubctl keys issue` makes more.",
                    },
                    ["bearer"] = new JsonObject
                    {
                        ["type"] = "http",
                        ["scheme"] = "bearer",
                        ["bearerFormat"] = "JWT",
                        ["description"] = "A JWT from the identity provider set in `Auth:Jwt:Authority`.",
                    },
                },
                ["schemas"] = schemas.Components(),
            },
        };
    }
}
