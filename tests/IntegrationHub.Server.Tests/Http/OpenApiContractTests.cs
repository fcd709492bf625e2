using System.Net;
using System.Net.Http.Headers;
using System.Text.Json.Nodes;
using IntegrationHub.Contracts.Routing.V1;
using IntegrationHub.Server.Http;
using IntegrationHub.Server.Security;
using IntegrationHub.Server.Tests.Routing;
using IntegrationHub.Testing;

namespace IntegrationHub.Server.Tests.Http;

/// <summary>
/// The OpenAPI document as the contract of every JSON caller: each operation called as the document describes it,
/// against the sandbox hub, answers what the document says — its 200 response matches its schema, and every error
/// response it documents is what the hub sends, under the names the document uses.
/// </summary>
public sealed class OpenApiContractTests : IDisposable
{
    private const string AcmeIp = "203.0.113.5"; // Acme Corp, Actively Working: a pounce alert for its BDR
    private const string AcmeBdr = "005BDR010000000YBA";
    private const string MarketingKey = "key-with-the-marketing-scope-only";

    private readonly SandboxHub _hub = new(
        new Dictionary<string, string?>
        {
            ["Auth:Keys:1:Name"] = "marketing-only",
            ["Auth:Keys:1:Sha256"] = ApiKeySecret.Hash(MarketingKey),
            ["Auth:Keys:1:Scopes:0"] = Scopes.Marketing,
        }
    );

    private readonly HttpClient _http;
    private string _decisionId = "";

    public OpenApiContractTests() => _http = _hub.CreateJsonClient();

    public void Dispose()
    {
        _http.Dispose();
        _hub.Dispose();
    }

    [Fact]
    public async Task Every_operation_called_as_documented_answers_with_its_documented_schema()
    {
        _decisionId = (await _hub.RouteAsync(AcmeIp)).Id;
        var operations = await OperationsAsync();
        Assert.Equal(12, operations.Count);

        foreach (var operation in operations.Where(o => !Streams(o)))
        {
            // Only what the document marks required, then every documented parameter and field.
            foreach (var everything in new[] { false, true })
            {
                using var response = await _http.SendAsync(operation.Request(everything));
                var body = await BodyAsync(response);
                Assert.True(
                    response.StatusCode == HttpStatusCode.OK,
                    $"{operation.Id} ({(everything ? "every" : "required")} field): {(int)response.StatusCode} {body}"
                );
                AssertMatches(operation, "200", body);
            }
        }

        var alerts = operations.Single(Streams);
        using var stream = await _http.SendAsync(
            alerts.Request(values: new Dictionary<string, string?> { ["repId"] = AcmeBdr }),
            HttpCompletionOption.ResponseHeadersRead
        );
        Assert.Equal(HttpStatusCode.OK, stream.StatusCode);
        using var reader = new StreamReader(await stream.Content.ReadAsStreamAsync());
        var first = reader.ReadLineAsync();
        await _hub.RouteAsync(AcmeIp);
        var alert = JsonNode.Parse((await first.WaitAsync(TimeSpan.FromSeconds(30)))!);
        AssertMatches(alerts, "200", alert);
        Assert.NotEqual("", (string?)alert!["decisionId"]);
    }

    [Fact]
    public async Task Every_documented_error_is_the_status_the_hub_sends()
    {
        var operations = await OperationsAsync();
        var produced = new List<string>();
        var routed = 0;
        foreach (var operation in operations)
        {
            foreach (var (status, _) in operation.Operation["responses"]!.AsObject().Where(r => r.Key != "200"))
            {
                switch (status)
                {
                    case "400":
                        await AssertInvalidAsync(operation);
                        break;
                    case "401":
                        using (var anonymous = _hub.CreateJsonClient(apiKey: null))
                        {
                            await AssertErrorAsync(operation, anonymous, operation.Request(), 401, 16);
                        }

                        break;
                    case "403":
                        using (var marketing = _hub.CreateJsonClient(MarketingKey))
                        {
                            await AssertErrorAsync(operation, marketing, operation.Request(), 403, 7);
                        }

                        break;
                    case "404":
                        var missing = operation
                            .Parameters.Where(p => (string)p["in"]! == "path")
                            .ToDictionary(p => (string)p["name"]!, _ => (string?)"no-such-id");
                        await AssertErrorAsync(operation, _http, operation.Request(values: missing), 404, 5);
                        break;
                    case "409":
                        var first = (JsonObject)operation.Sample("", operation.BodySchema!);
                        using (var answered = await _http.SendAsync(operation.Request(body: first)))
                        {
                            Assert.Equal(HttpStatusCode.OK, answered.StatusCode);
                            routed++;
                        }

                        await AssertErrorAsync(operation, _http, operation.Request(body: Another(first)), 409, 6);
                        break;
                    case "429":
                        continue; // Over the caller's limit: the next test, on a hub with a limit of one call.
                    case "default":
                        continue;
                    default:
                        Assert.Fail($"{operation.Id} documents {status}, which this test cannot make the hub send.");
                        break;
                }

                produced.Add($"{operation.Id} {status}");
            }
        }

        Assert.Contains("GetRoutingMetrics 400", produced);
        Assert.Contains("GetDecision 404", produced);
        Assert.Contains("RouteLead 409", produced);
        Assert.DoesNotContain("ListConnectorStatuses 400", produced);
        // Refused calls wrote nothing: the only decisions are the first calls of the 409 checks.
        Assert.Equal(routed, (await _hub.Routing.ListDecisionsAsync(new ListDecisionsRequest())).Decisions.Count);
    }

    [Fact]
    public async Task Every_operation_answers_a_caller_over_its_limit_with_the_documented_429()
    {
        using var limited = new SandboxHub(
            new Dictionary<string, string?> { ["Limits:Burst"] = "1", ["Limits:RequestsPerSecond"] = "1" }
        );
        using var http = limited.CreateJsonClient();
        var document = JsonNode.Parse(await http.GetStringAsync(OpenApiDocument.Path))!;
        var operations = DocumentedOperation.All(document, Samples(limited)).ToList();
        // The one call the caller may make (the hub's clock stands still: no token comes back).
        using (await http.GetAsync("/v1/reps")) { }

        foreach (var operation in operations)
        {
            Assert.NotNull(operation.ResponseSchema("429"));
            await AssertErrorAsync(operation, http, operation.Request(), 429, 8);
        }
    }

    /// <summary>
    /// Every documented required field left out: a 400 naming exactly those, by their JSON paths. An operation
    /// without any: its first free-text parameter over its length, and a 400 naming it.
    /// </summary>
    private async Task AssertInvalidAsync(DocumentedOperation operation)
    {
        var expected = new List<string>();
        JsonNode? body = null;
        var values = new Dictionary<string, string?>();
        foreach (var parameter in operation.Parameters.Where(p => (bool)p["required"]! && (string)p["in"]! == "query"))
        {
            values[(string)parameter["name"]!] = null;
            expected.Add((string)parameter["name"]!);
        }

        if (operation.BodySchema is { } schema)
        {
            body = Emptied(operation, schema, "", expected);
        }

        if (expected.Count == 0)
        {
            var text = operation.Parameters.First(p =>
                (string?)p["schema"]!["type"] == "string"
                && p["schema"]!["format"] is null
                && p["schema"]!["enum"] is null
            );
            values[(string)text["name"]!] = new string('x', 600);
            expected.Add((string)text["name"]!);
        }

        using var response = await _http.SendAsync(operation.Request(values: values, body: body));
        var status = await AssertStatusAsync(operation, response, 400, 3);
        var violations = status["details"]!
            .AsArray()
            .Single(d => (string?)d!["@type"] == "type.googleapis.com/google.rpc.BadRequest")!["fieldViolations"]!
            .AsArray()
            .Select(v => (string)v!["field"]!);
        Assert.Equal(expected.Order(StringComparer.Ordinal), violations.Distinct().Order(StringComparer.Ordinal));
    }

    /// <summary>A body without its required fields, but with required objects present and emptied alike.</summary>
    private static JsonObject Emptied(
        DocumentedOperation operation,
        JsonNode schema,
        string prefix,
        List<string> expected
    )
    {
        schema = operation.Schemas.Resolve(schema);
        var body = new JsonObject();
        foreach (var required in schema["required"]?.AsArray().Select(r => (string)r!) ?? [])
        {
            var property = operation.Schemas.Resolve(schema["properties"]![required]!);
            if ((string?)property["type"] == "object")
            {
                body[required] = Emptied(operation, property, prefix + required + ".", expected);
            }
            else
            {
                expected.Add(prefix + required);
            }
        }

        return body;
    }

    private static async Task AssertErrorAsync(
        DocumentedOperation operation,
        HttpClient client,
        HttpRequestMessage request,
        int http,
        int code
    )
    {
        using (request)
        {
            using var response = await client.SendAsync(request);
            await AssertStatusAsync(operation, response, http, code);
        }
    }

    private static async Task<JsonNode> AssertStatusAsync(
        DocumentedOperation operation,
        HttpResponseMessage response,
        int http,
        int code
    )
    {
        var body = await BodyAsync(response);
        Assert.True((int)response.StatusCode == http, $"{operation.Id}: {(int)response.StatusCode} {body}, not {http}");
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        AssertMatches(operation, http.ToString(System.Globalization.CultureInfo.InvariantCulture), body);
        Assert.Equal(code, (int?)body!["code"]);
        return body;
    }

    private static void AssertMatches(DocumentedOperation operation, string status, JsonNode? body)
    {
        var schema = operation.ResponseSchema(status);
        Assert.True(schema is not null, $"{operation.Id} does not document {status}");
        var problems = operation.Schemas.Problems(schema, body);
        Assert.True(problems.Count == 0, $"{operation.Id} {status}:\n" + string.Join('\n', problems));
    }

    private static async Task<JsonNode?> BodyAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return text.Length == 0 ? null : JsonNode.Parse(text);
    }

    /// <summary>The same request id with another visitor or lead.</summary>
    private static JsonObject Another(JsonObject body)
    {
        var other = body.DeepClone().AsObject();
        if (other["lead"] is JsonObject lead)
        {
            lead["lastName"] = "Someone-Else";
        }
        else
        {
            other["ipAddress"] = "198.51.100.7";
        }

        return other;
    }

    private static bool Streams(DocumentedOperation operation) =>
        ContractDescriptors
            .Services.SelectMany(s => s.Methods)
            .Single(m =>
                m.Name == operation.Id && m.GetOptions()?.HasExtension(Google.Api.AnnotationsExtensions.Http) == true
            )
            .IsServerStreaming;

    private async Task<List<DocumentedOperation>> OperationsAsync()
    {
        using var anonymous = _hub.CreateHttpClient();
        var document = JsonNode.Parse(await anonymous.GetStringAsync(OpenApiDocument.Path))!;
        return [.. DocumentedOperation.All(document, Samples(_hub, () => _decisionId))];
    }

    /// <summary>What a caller would send, by the documented name.</summary>
    private static Dictionary<string, Func<JsonNode>> Samples(SandboxHub hub, Func<string>? decisionId = null) =>
        new()
        {
            ["requestId"] = () => Guid.NewGuid().ToString("N"),
            ["ipAddress"] = () => AcmeIp,
            ["pageUrl"] = () => "https://www.example.com/pricing",
            ["email"] = () => "jane.doe@acme.com",
            ["clickThroughToken"] = () => "ct-acme-jane",
            ["candidatePolicy"] = () => "",
            ["firstName"] = () => "Jane",
            ["lastName"] = () => "Doe",
            ["company"] = () => "Acme Corp",
            ["countryCode"] = () => "US",
            ["title"] = () => "VP Operations",
            ["phone"] = () => "+1 555 0100",
            ["leadScore"] = () => 120,
            ["linkedinUrl"] = () => "https://www.linkedin.com/in/jane-doe",
            ["setUpForTeam"] = () => true,
            ["developerCount"] = () => 12,
            ["decisionId"] = () => decisionId?.Invoke() ?? "no-decision-yet",
            ["repId"] = () => AcmeBdr,
            ["rule"] = () => "actively_working_account",
            ["pool"] = () => "sdr-emea",
            ["pageSize"] = () => 10,
            ["pageToken"] = () => "",
            ["startTime"] = () => hub.Time.GetUtcNow().AddDays(-1).ToString("yyyy-MM-ddTHH:mm:ssZ"),
            ["endTime"] = () => hub.Time.GetUtcNow().AddHours(1).ToString("yyyy-MM-ddTHH:mm:ssZ"),
        };
}
