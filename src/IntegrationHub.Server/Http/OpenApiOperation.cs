using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Google.Protobuf.Reflection;
using IntegrationHub.Server.Security;

namespace IntegrationHub.Server.Http;

/// <summary>
/// One JSON route of an RPC, as JSON transcoding serves it: the fields bound in the path template are path
/// parameters (under their JSON names, as everything else: <c>{decision_id}</c> is <c>{decisionId}</c>), the body
/// the request message (without those) or the one field the rule names, and every other field, for a route without
/// a body, a query parameter under its JSON name (a nested message's fields as <c>parent.child</c>).
/// </summary>
public static partial class OpenApiOperation
{
    /// <summary>The refusals only some RPCs give: a lookup that can miss, a request id reused.</summary>
    private static readonly Dictionary<string, (string Http, string Description)[]> Specific = new(
        StringComparer.Ordinal
    )
    {
        ["integrationhub.routing.v1.RoutingService.GetDecision"] = [("404", "NOT_FOUND: no decision has this id.")],
        ["integrationhub.routing.v1.PresenceService.SetRepPresence"] =
        [
            ("404", "NOT_FOUND: the routing policy has no rep with this id."),
        ],
        ["integrationhub.routing.v1.RoutingService.RouteVisitor"] = [Reused("visitor")],
        ["integrationhub.routing.v1.RoutingService.RouteLead"] = [Reused("lead")],
    };

    public static JsonObject Build(
        MethodDescriptor method,
        string template,
        string body,
        OpenApiSchemas schemas,
        ContractComments comments
    )
    {
        var input = method.InputType;
        var inPath = template
            .Split('{', '}')
            .Where((_, i) => i % 2 == 1)
            .Select(p => p.Split('=')[0])
            .ToHashSet(StringComparer.Ordinal);
        var parameters = new JsonArray();
        foreach (var name in inPath)
        {
            var field = input.FindFieldByName(name);
            parameters.Add(Parameter(field.JsonName, "path", true, schemas.Value(field), comments.Of(field)));
        }

        if (body.Length == 0)
        {
            foreach (var (name, field, required) in QueryFields(input, "", inPath))
            {
                parameters.Add(Parameter(name, "query", required, schemas.Field(field), comments.Of(field)));
            }
        }

        var scope = Scopes.For(method.Service.FullName, method.Name);
        var operation = new JsonObject
        {
            ["operationId"] = method.Name,
            ["tags"] = new JsonArray(method.Service.Name),
            ["summary"] = Words(method.Name),
            ["description"] =
                comments.Of(method)
                + $"\n\nNeeds the `{scope}` scope."
                + (
                    method.IsServerStreaming
                        ? "\n\nA stream: the response stays open and carries one JSON message per event as it happens."
                        : ""
                ),
            ["parameters"] = parameters,
        };
        if (body == "*")
        {
            operation["requestBody"] = Body(schemas.Message(input, inPath));
        }
        else if (body.Length > 0)
        {
            operation["requestBody"] = Body(schemas.Field(input.FindFieldByName(body)));
        }

        var responses = new JsonObject
        {
            ["200"] = new JsonObject
            {
                ["description"] = comments.Of(method.OutputType) is { Length: > 0 } said ? said : "OK",
                ["content"] = new JsonObject
                {
                    ["application/json"] = new JsonObject { ["schema"] = schemas.Message(method.OutputType) },
                },
            },
        };
        var errors = OpenApiErrors
            .Common(scope, input.Fields.InDeclarationOrder().Count > 0)
            .Concat(Specific.GetValueOrDefault(method.FullName) ?? [])
            .OrderBy(e => e.Http, StringComparer.Ordinal);
        foreach (var (http, description) in errors)
        {
            responses[http] = OpenApiErrors.Response(description);
        }

        responses["default"] = OpenApiErrors.Response(
            "Any other status: UNAVAILABLE (503) when a vendor the call needs is down, INTERNAL (500) for a bug in "
                + "the hub, with a trace id in the message."
        );
        operation["responses"] = responses;
        return operation;
    }

    /// <summary>The route's OpenAPI path: the template with each variable under its field's JSON name.</summary>
    public static string Path(string template, MessageDescriptor input) =>
        Variable()
            .Replace(template, m =>
                "{" + (input.FindFieldByName(m.Groups[1].Value)?.JsonName ?? m.Groups[1].Value) + "}"
            );

    [GeneratedRegex(@"\{([^}=]+)(=[^}]*)?\}")]
    private static partial Regex Variable();

    /// <summary>The query parameters of a route without a body: scalar fields, and nested messages' fields.</summary>
    private static IEnumerable<(string Name, FieldDescriptor Field, bool Required)> QueryFields(
        MessageDescriptor message,
        string prefix,
        IReadOnlySet<string> inPath
    )
    {
        foreach (var field in message.Fields.InDeclarationOrder().Where(f => !inPath.Contains(prefix + f.Name)))
        {
            var plain =
                field.FieldType != FieldType.Message
                || field.MessageType.FullName is "google.protobuf.Timestamp" or "google.protobuf.Duration";
            if (plain && !field.IsMap)
            {
                yield return (prefix + field.JsonName, field, OpenApiSchemas.IsRequired(field));
            }
            else if (!field.IsRepeated)
            {
                foreach (var nested in QueryFields(field.MessageType, prefix + field.JsonName + ".", inPath))
                {
                    yield return nested;
                }
            }
        }
    }

    private static JsonObject Parameter(string name, string where, bool required, JsonNode schema, string said)
    {
        var parameter = new JsonObject
        {
            ["name"] = name,
            ["in"] = where,
            ["required"] = required,
            ["schema"] = schema,
        };
        if (said.Length > 0)
        {
            parameter["description"] = said;
        }

        return parameter;
    }

    private static JsonObject Body(JsonNode schema) =>
        new()
        {
            ["required"] = true,
            ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = schema } },
        };

    private static (string, string) Reused(string what) =>
        (
            "409",
            $"ALREADY_EXISTS: this requestId was used for another {what} (ErrorInfo reason `REQUEST_ID_REUSED`, the "
                + "first decision's id in its metadata as `decision_id`). The same request again answers the first "
                + "decision."
        );

    /// <summary>"GetRoutingMetrics" as "Get routing metrics".</summary>
    private static string Words(string name) =>
        string.Concat(name.Select((c, i) => i > 0 && char.IsUpper(c) ? " " + char.ToLowerInvariant(c) : c.ToString()));
}
