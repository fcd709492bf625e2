using System.Text.Json.Nodes;

namespace IntegrationHub.Server.Http;

/// <summary>
/// The error responses of the JSON routes: every one is a <c>google.rpc.Status</c> as JSON transcoding writes it,
/// <c>{"code": 3, "message": "…", "details": [{"@type": "type.googleapis.com/google.rpc.BadRequest",
/// "fieldViolations": [{"field": "ipAddress", "description": "…"}]}]}</c>, with the HTTP status gRPC's code maps to.
/// </summary>
public static class OpenApiErrors
{
    public const string Status = "google.rpc.Status";

    /// <summary>
    /// The responses every operation can give, by HTTP status: what the hub refuses and why. A request without fields
    /// cannot be invalid.
    /// </summary>
    public static IEnumerable<(string Http, string Description)> Common(string scope, bool hasInput) =>
        new (string Http, string Description)[]
        {
            (
                "400",
                "INVALID_ARGUMENT: the request is invalid. A BadRequest detail lists every problem at once, each "
                    + "field named as the request's JSON names it (`lead.lastName`); nothing was written or sent."
            ),
            (
                "401",
                "UNAUTHENTICATED: no credentials, or a key or token the hub does not accept (ErrorInfo reason "
                    + "`UNAUTHENTICATED`)."
            ),
            (
                "403",
                $"PERMISSION_DENIED: the key or token does not hold the `{scope}` scope (ErrorInfo reason "
                    + "`MISSING_SCOPE`)."
            ),
            (
                "429",
                "RESOURCE_EXHAUSTED: the caller's rate or concurrent-stream limit, or a body over 1 MB (ErrorInfo "
                    + "reason `MESSAGE_TOO_LARGE`); a RetryInfo detail says when to try again where waiting helps."
            ),
        }.Where(e => hasInput || e.Http != "400");

    public static JsonObject Response(string description) =>
        new()
        {
            ["description"] = description,
            ["content"] = new JsonObject
            {
                ["application/json"] = new JsonObject { ["schema"] = OpenApiSchemas.Reference(Status) },
            },
        };

    /// <summary>google.rpc.Status and the details the hub puts in it, under their JSON names.</summary>
    public static void AddSchemas(OpenApiSchemas schemas)
    {
        schemas.Add(
            Status,
            Object(
                "The error of a call: its gRPC code, a message for people, and details for programs.",
                ["code", "message"],
                (
                    "code",
                    new JsonObject
                    {
                        ["type"] = "integer",
                        ["format"] = "int32",
                        ["description"] =
                            "The "
                            + "gRPC status code (3 INVALID_ARGUMENT, 5 NOT_FOUND, 6 ALREADY_EXISTS, "
                            + "7 PERMISSION_DENIED, "
                            + "8 RESOURCE_EXHAUSTED, 16 UNAUTHENTICATED, …).",
                    }
                ),
                ("message", String("What went wrong, in words.")),
                (
                    "details",
                    new JsonObject
                    {
                        ["type"] = "array",
                        ["items"] = new JsonObject
                        {
                            ["oneOf"] = new JsonArray(
                                OpenApiSchemas.Reference("google.rpc.BadRequest"),
                                OpenApiSchemas.Reference("google.rpc.ErrorInfo"),
                                OpenApiSchemas.Reference("google.rpc.RetryInfo")
                            ),
                        },
                    }
                )
            )
        );
        schemas.Add(
            "google.rpc.BadRequest",
            Detail(
                "BadRequest",
                "Every problem of the request.",
                (
                    "fieldViolations",
                    new JsonObject
                    {
                        ["type"] = "array",
                        ["items"] = Object(
                            "One problem: the field, by its JSON path in the request, and what is wrong with it.",
                            ["field", "description"],
                            ("field", String("The field's JSON path, such as `ipAddress` or `lead.lastName`.")),
                            ("description", String("What is wrong, such as `is required`.")),
                            (
                                "reason",
                                String("A stable code for the problem; empty when the description says it all.")
                            ),
                            (
                                "localizedMessage",
                                new JsonObject
                                {
                                    ["type"] = "object",
                                    ["properties"] = new JsonObject
                                    {
                                        ["locale"] = String("A BCP 47 locale such as en-US."),
                                        ["message"] = String("The description in that locale."),
                                    },
                                }
                            )
                        ),
                    }
                )
            )
        );
        schemas.Add(
            "google.rpc.ErrorInfo",
            Detail(
                "ErrorInfo",
                "A stable reason a program can branch on.",
                ("reason", String("For example INVALID_REQUEST, NOT_FOUND, REQUEST_ID_REUSED, MISSING_SCOPE.")),
                ("domain", String("`integrationhub`.")),
                (
                    "metadata",
                    new JsonObject
                    {
                        ["type"] = "object",
                        ["additionalProperties"] = String("A fact of the error, such as the vendor."),
                    }
                )
            )
        );
        schemas.Add(
            "google.rpc.RetryInfo",
            Detail(
                "RetryInfo",
                "When trying again may help.",
                (
                    "retryDelay",
                    new JsonObject
                    {
                        ["type"] = "string",
                        ["pattern"] = "^-?[0-9]+(\\.[0-9]{1,9})?s$",
                        ["description"] = "How long to wait, in seconds with an \"s\", such as `1.5s`.",
                    }
                )
            )
        );
    }

    private static JsonObject Detail(string name, string description, params (string, JsonNode)[] properties)
    {
        var schema = Object(description, ["@type"], properties);
        schema["properties"]!["@type"] = new JsonObject
        {
            ["type"] = "string",
            ["enum"] = new JsonArray("type.googleapis.com/google.rpc." + name),
        };
        return schema;
    }

    private static JsonObject Object(string description, string[] required, params (string, JsonNode)[] properties)
    {
        var schema = new JsonObject
        {
            ["type"] = "object",
            ["description"] = description,
            ["properties"] = new JsonObject([
                .. properties.Select(p => KeyValuePair.Create(p.Item1, (JsonNode?)p.Item2)),
            ]),
        };
        if (required.Length > 0)
        {
            schema["required"] = new JsonArray([.. required.Select(r => (JsonNode)JsonValue.Create(r))]);
        }

        return schema;
    }

    private static JsonObject String(string description) =>
        new() { ["type"] = "string", ["description"] = description };
}
