using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using IntegrationHub.Sdk.Errors;
using IntegrationHub.Sdk.FakeKit;

namespace IntegrationHub.Connectors.Salesforce.Fake;

/// <summary>
/// A fake Salesforce org: OAuth token endpoint (client credentials and JWT bearer), SOQL
/// queries paged with nextRecordsUrl, sObject create / update / upsert-by-external-id,
/// the duplicate rule, converted-lead protection, JSON-array error bodies, and the daily
/// API limit reported in Sforce-Limit-Info and enforced with 403 REQUEST_LIMIT_EXCEEDED.
/// </summary>
public sealed partial class SalesforceFake(TimeProvider? time = null) : VendorFake(time)
{
    public const string ClientId = "sandbox-salesforce-client";
    public const string ClientSecret = "sandbox-salesforce-secret";
    private const string DataPrefix = "/services/data/v60.0/";

    private readonly Lock _lock = new();
    private readonly Dictionary<string, List<Dictionary<string, object?>>> _objects = new(
        StringComparer.OrdinalIgnoreCase
    );
    private readonly ConcurrentDictionary<string, bool> _sessions = new();
    private readonly ConcurrentDictionary<
        string,
        (string Type, List<Dictionary<string, object?>> Rows, IReadOnlyList<string> Fields)
    > _cursors = new();
    private int _apiCalls;
    private int _nextId;

    /// <summary>Records per query page (Salesforce: up to 2,000).</summary>
    public int PageSize { get; set; } = 2000;

    /// <summary>The org's daily API request allowance.</summary>
    public int DailyApiLimit { get; set; } = 100_000;

    public int ApiCalls => Volatile.Read(ref _apiCalls);

    public int TokensIssued { get; private set; }

    /// <summary>Ends every session, as a session timeout would: the next call gets INVALID_SESSION_ID.</summary>
    public void ExpireSessions() => _sessions.Clear();

    public IReadOnlyList<IReadOnlyDictionary<string, object?>> Records(string sObject)
    {
        lock (_lock)
        {
            return _objects.TryGetValue(sObject, out var rows)
                ? [.. rows.Select(r => new Dictionary<string, object?>(r))]
                : [];
        }
    }

    /// <summary>The leads with this email (any case), converted ones included, oldest first.</summary>
    public IReadOnlyList<IReadOnlyDictionary<string, object?>> LeadsWithEmail(string email) =>
        [
            .. Records("Lead")
                .Where(l =>
                    string.Equals(l.GetValueOrDefault("Email") as string, email, StringComparison.OrdinalIgnoreCase)
                ),
        ];

    /// <summary>Adds a record as-is (fields by API name); returns its id.</summary>
    public string Insert(string sObject, IDictionary<string, object?> fields)
    {
        lock (_lock)
        {
            var row = new Dictionary<string, object?>(fields, StringComparer.OrdinalIgnoreCase);
            StoreIdsInLongForm(sObject, row);
            if (row.GetValueOrDefault("Id") is not string id)
            {
                id = NewId(sObject);
                row["Id"] = id;
            }

            Table(sObject).Add(row);
            return id;
        }
    }

    protected override Task<FakeResponse> HandleVendorAsync(FakeRequest request)
    {
        if (request.Is("POST", "/services/oauth2/token"))
        {
            return Task.FromResult(Token(request));
        }

        if (request.Is("POST", SoapPath))
        {
            return Task.FromResult(Soap(request));
        }

        if (!request.Path.StartsWith(DataPrefix, StringComparison.Ordinal))
        {
            return Task.FromResult(Error(404, "NOT_FOUND", "The requested resource does not exist"));
        }

        var auth = request.Header("Authorization") ?? "";
        if (!auth.StartsWith("Bearer ", StringComparison.Ordinal) || !_sessions.ContainsKey(auth[7..]))
        {
            return Task.FromResult(Error(401, "INVALID_SESSION_ID", "Session expired or invalid"));
        }

        var used = Interlocked.Increment(ref _apiCalls);
        return Task.FromResult(
            used > DailyApiLimit
                ? Throttled(TimeSpan.FromHours(24))
                : Rest(request, request.Path[DataPrefix.Length..]).WithHeader("Sforce-Limit-Info", Usage(used))
        );
    }

    private FakeResponse Token(FakeRequest request)
    {
        var form = request
            .Body.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .ToDictionary(
                p => Uri.UnescapeDataString(p[0]),
                p => p.Length > 1 ? Uri.UnescapeDataString(p[1].Replace('+', ' ')) : ""
            );
        var grant = form.GetValueOrDefault("grant_type");
        var ok = grant switch
        {
            "client_credentials" => form.GetValueOrDefault("client_id") == ClientId
                && form.GetValueOrDefault("client_secret") == ClientSecret,
            "urn:ietf:params:oauth:grant-type:jwt-bearer" => !string.IsNullOrEmpty(form.GetValueOrDefault("assertion")),
            _ => false,
        };
        if (!ok)
        {
            return grant is "client_credentials" or "urn:ietf:params:oauth:grant-type:jwt-bearer"
                ? FakeResponse.Json(
                    400,
                    new { error = "invalid_client", error_description = "invalid client credentials" }
                )
                : FakeResponse.Json(
                    400,
                    new { error = "unsupported_grant_type", error_description = "grant type not supported" }
                );
        }

        var token = "00DS7000000oxzo!" + Guid.NewGuid().ToString("N");
        _sessions[token] = true;
        TokensIssued++;
        return FakeResponse.Json(
            200,
            new Dictionary<string, object>
            {
                ["access_token"] = token,
                ["signature"] = "nUFHwtfIGLKD=",
                ["token_format"] = "opaque",
                ["instance_url"] = BaseUrl.ToString().TrimEnd('/'),
                ["id"] = "https://login.salesforce.com/id/00Dd000000XXXXXXX/005d000000XXXXX",
                ["token_type"] = "Bearer",
                ["issued_at"] = Time.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture),
            }
        );
    }

    private FakeResponse Rest(FakeRequest request, string path)
    {
        var parts = path.Split('/').Select(Uri.UnescapeDataString).ToArray();
        lock (_lock)
        {
            if (parts is ["sobjects", var name, ..])
            {
                if (Schema.ObjectName(name) is not { } type)
                {
                    return Error(404, "NOT_FOUND", "The requested resource does not exist");
                }

                parts[1] = type;
            }

            return (request.Method.ToUpperInvariant(), parts) switch
            {
                ("GET", ["query"]) => Query(request.QueryValue("q") ?? ""),
                ("GET", ["query", var cursor]) => NextPage(cursor),
                ("GET", ["sobjects", var type, var id]) => Retrieve(type, "Id", id, request.QueryValue("fields")),
                ("GET", ["sobjects", var type, var field, var value]) => Retrieve(type, field, value, null),
                ("POST", ["sobjects", var type]) => Create(type, request.Json() as JsonObject),
                ("PATCH", ["sobjects", var type, var field, var value]) => Upsert(
                    type,
                    field,
                    value,
                    request.Json() as JsonObject
                ),
                ("PATCH", ["sobjects", var type, var id]) => Update(type, id, request.Json() as JsonObject),
                _ => Error(404, "NOT_FOUND", "The requested resource does not exist"),
            };
        }
    }

    private FakeResponse Query(string soql)
    {
        SoqlQuery query;
        try
        {
            query = SoqlQuery.Parse(soql, IdLiteral);
        }
        catch (InvalidIdLiteralException ex)
        {
            return Error(400, "INVALID_QUERY_FILTER_OPERATOR", ex.Message);
        }
        catch (FormatException ex)
        {
            return Error(400, "MALFORMED_QUERY", ex.Message);
        }

        if (Schema.ObjectName(query.Object) is not { } type)
        {
            return Error(
                400,
                "INVALID_TYPE",
                $"sObject type '{query.Object}' is not supported. If you are attempting to use a custom object, be "
                    + "sure to append the '__c' after the entity name. Please reference your WSDL or the describe "
                    + "call for the appropriate names."
            );
        }

        foreach (var field in query.Fields.Concat(query.FilterFields))
        {
            if (QueryFieldProblem(type, field) is { } problem)
            {
                return problem;
            }
        }

        var rows = Table(type).Where(r => query.Where(f => Field(type, r, f))).ToList();
        if (query.OrderBy is { } order)
        {
            rows.Sort(
                (a, b) => SoqlQuery.Compare(Field(type, a, order), Field(type, b, order)) * (query.Descending ? -1 : 1)
            );
        }

        if (query.Limit is { } limit)
        {
            rows = [.. rows.Take(limit)];
        }

        var cursor = "01g" + Guid.NewGuid().ToString("N")[..12];
        _cursors[cursor] = (type, rows, query.Fields);
        return Page(cursor, 0);
    }

    private FakeResponse NextPage(string cursorAndOffset)
    {
        var dash = cursorAndOffset.LastIndexOf('-');
        return
            dash > 0
            && int.TryParse(cursorAndOffset[(dash + 1)..], out var offset)
            && _cursors.ContainsKey(cursorAndOffset[..dash])
            ? Page(cursorAndOffset[..dash], offset)
            : Error(400, "INVALID_QUERY_LOCATOR", "invalid query locator");
    }

    private FakeResponse Page(string cursor, int offset)
    {
        var (type, rows, fields) = _cursors[cursor];
        var page = rows.Skip(offset).Take(PageSize).Select(r => Project(type, r, fields)).ToList();
        var done = offset + page.Count >= rows.Count;
        var body = new Dictionary<string, object?>
        {
            ["totalSize"] = rows.Count,
            ["done"] = done,
            ["records"] = page,
        };
        if (!done)
        {
            body["nextRecordsUrl"] = $"{DataPrefix}query/{cursor}-{offset + page.Count}";
        }

        return FakeResponse.Json(200, body);
    }

    private FakeResponse Create(string type, JsonObject? body)
    {
        if (body is null)
        {
            return Error(400, "JSON_PARSER_ERROR", "body is required");
        }

        var fields = Fields(body);
        if ((WriteProblem(type, fields) ?? ReferenceProblem(type, fields) ?? Missing(type, fields)) is { } refused)
        {
            return refused;
        }

        if (type == "Lead" && DuplicateLead(fields) is { } duplicate)
        {
            return duplicate;
        }

        var id = NewId(type);
        fields["Id"] = id;
        Table(type).Add(fields);
        return FakeResponse.Json(
            201,
            new
            {
                id,
                success = true,
                errors = Array.Empty<object>(),
            }
        );
    }

    private FakeResponse Upsert(string type, string field, string value, JsonObject? body)
    {
        if (Schema.Field(type, field) is not { } key || !(key.ExternalId || key.Name == "Id"))
        {
            return Error(404, "NOT_FOUND", $"Provided external ID field does not exist or is not accessible: {field}");
        }

        if (key.Name == "Id" && CaseSafeId.ToEighteen(value) is not { } id18)
        {
            return Error(400, "MALFORMED_ID", $"{type} ID: id value of incorrect type: {value}");
        }

        var matches = Table(type)
            .Where(r => string.Equals(r.GetValueOrDefault(key.Name) as string, value, StringComparison.Ordinal))
            .Concat(key.Name == "Id" && Row(type, value) is { } byId ? [byId] : [])
            .Distinct()
            .ToList();
        if (matches.Count > 1)
        {
            return FakeResponse.Json(300, matches.Select(m => $"{DataPrefix}sobjects/{type}/{m["Id"]}").ToList());
        }

        var fields = Fields(body ?? []);
        if ((WriteProblem(type, fields) ?? ReferenceProblem(type, fields)) is { } invalid)
        {
            return invalid;
        }

        if (matches.Count == 1)
        {
            if (Converted(matches[0]) is { } refused)
            {
                return refused;
            }

            Apply(matches[0], fields);
            return FakeResponse.Json(
                200,
                new
                {
                    id = matches[0]["Id"],
                    success = true,
                    errors = Array.Empty<object>(),
                    created = false,
                }
            );
        }

        fields[key.Name] = value;
        if (Missing(type, fields) is { } missing)
        {
            return missing;
        }

        if (type == "Lead" && DuplicateLead(fields) is { } duplicate)
        {
            return duplicate;
        }

        var id = NewId(type);
        fields["Id"] = id;
        Table(type).Add(fields);
        return FakeResponse.Json(
            201,
            new
            {
                id,
                success = true,
                errors = Array.Empty<object>(),
                created = true,
            }
        );
    }

    private FakeResponse Update(string type, string id, JsonObject? body)
    {
        if (CaseSafeId.ToEighteen(id) is null)
        {
            return Error(404, "NOT_FOUND", $"Provided external ID field does not exist or is not accessible: {id}");
        }

        var row = Row(type, id);
        if (row is null)
        {
            return Error(404, "NOT_FOUND", "The requested resource does not exist");
        }

        if (Converted(row) is { } refused)
        {
            return refused;
        }

        var fields = Fields(body ?? []);
        if ((WriteProblem(type, fields) ?? ReferenceProblem(type, fields)) is { } invalid)
        {
            return invalid;
        }

        Apply(row, fields);
        return FakeResponse.Empty(204);
    }

    private static void Apply(Dictionary<string, object?> row, Dictionary<string, object?> fields)
    {
        foreach (var (name, value) in fields)
        {
            row[name] = value;
        }
    }

    private static FakeResponse? Converted(Dictionary<string, object?> row) =>
        row.GetValueOrDefault("IsConverted") is true
            ? Error(400, "CANNOT_UPDATE_CONVERTED_LEAD", "cannot reference converted lead")
            : null;

    private static FakeResponse? Missing(string type, Dictionary<string, object?> fields)
    {
        string[] required = type.ToUpperInvariant() switch
        {
            "LEAD" => ["LastName", "Company"],
            "CONTACT" => ["LastName"],
            _ => [],
        };
        var missing = required.Where(f => fields.GetValueOrDefault(f) is not string { Length: > 0 }).ToList();
        return missing.Count == 0
            ? null
            : FakeResponse.Json(
                400,
                new[]
                {
                    new
                    {
                        message = $"Required fields are missing: [{string.Join(", ", missing)}]",
                        errorCode = "REQUIRED_FIELD_MISSING",
                        fields = missing,
                    },
                }
            );
    }

    /// <summary>The standard lead duplicate rule: same email as an unconverted lead blocks the save.</summary>
    private FakeResponse? DuplicateLead(Dictionary<string, object?> fields)
    {
        var email = fields.GetValueOrDefault("Email") as string;
        var match = Table("Lead")
            .FirstOrDefault(r =>
                email is not null
                && string.Equals(r.GetValueOrDefault("Email") as string, email, StringComparison.OrdinalIgnoreCase)
                && r.GetValueOrDefault("IsConverted") is not true
            );
        if (match is null)
        {
            return null;
        }

        var message = "You're creating a duplicate record. We recommend you use an existing record instead.";
        return FakeResponse.Json(
            400,
            new[]
            {
                new Dictionary<string, object?>
                {
                    ["duplicateResut"] = new
                    {
                        allowSave = false,
                        duplicateRule = "Standard_Lead_Duplicate_Rule",
                        duplicateRuleEntityType = "Lead",
                        errorMessage = message,
                        matchResults = new[]
                        {
                            new
                            {
                                entityType = "Lead",
                                errors = Array.Empty<object>(),
                                matchEngine = "FuzzyMatchEngine",
                                rule = "Standard_Lead_Match_Rule_v1_0",
                                size = 1,
                                success = true,
                                matchRecords = new[]
                                {
                                    new
                                    {
                                        additionalInformation = Array.Empty<object>(),
                                        fieldDiffs = Array.Empty<object>(),
                                        matchConfidence = 100.0,
                                        record = new Dictionary<string, object?>
                                        {
                                            ["attributes"] = new
                                            {
                                                type = "Lead",
                                                url = $"{DataPrefix}sobjects/Lead/{match["Id"]}",
                                            },
                                            ["Id"] = match["Id"],
                                        },
                                    },
                                },
                            },
                        },
                    },
                    ["errorCode"] = "DUPLICATES_DETECTED",
                    ["message"] = message,
                },
            }
        );
    }

    private static Dictionary<string, object?> Fields(JsonObject body) =>
        body.ToDictionary(
            p => p.Key,
            p =>
                p.Value switch
                {
                    null => null,
                    JsonValue v when v.GetValueKind() == JsonValueKind.String => (object?)v.GetValue<string>(),
                    JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False =>
                        v.GetValue<bool>(),
                    JsonValue v when v.GetValueKind() == JsonValueKind.Number => v.GetValue<decimal>(),
                    var other => other.ToJsonString(),
                },
            StringComparer.OrdinalIgnoreCase
        );

    private List<Dictionary<string, object?>> Table(string type)
    {
        if (!_objects.TryGetValue(type, out var rows))
        {
            rows = [];
            _objects[type] = rows;
        }

        return rows;
    }

    private string TypeOf(string id) =>
        _objects.FirstOrDefault(o => o.Value.Any(r => SameRecord(r.GetValueOrDefault("Id"), id))).Key ?? "Unknown";
}
