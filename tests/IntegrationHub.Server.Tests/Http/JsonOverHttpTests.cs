using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using IntegrationHub.Contracts.Routing.V1;
using IntegrationHub.Server.Tests.Routing;
using IntegrationHub.Testing;

namespace IntegrationHub.Server.Tests.Http;

/// <summary>
/// The routing and presence RPCs as JSON over HTTP (gRPC JSON transcoding), as a browser or curl calls them.
/// </summary>
public sealed class JsonOverHttpTests : IDisposable
{
    private readonly SandboxHub _hub = new();
    private readonly HttpClient _http;

    public JsonOverHttpTests() => _http = _hub.CreateJsonClient();

    public void Dispose()
    {
        _http.Dispose();
        _hub.Dispose();
    }

    [Fact]
    public async Task A_visitor_routed_with_a_json_post_is_stored_and_read_back_with_a_get()
    {
        await _hub.AvailableAsync("005BDR010000000YBA");

        var routed = await Json(
            await _http.PostAsJsonAsync(
                "/v1/visitors:route",
                new
                {
                    requestId = "json-1",
                    ipAddress = "203.0.113.5",
                    pageUrl = "https://www.example.com/pricing",
                }
            )
        );
        var id = (string)routed["decision"]!["id"]!;
        var read = await Json(await _http.GetAsync($"/v1/decisions/{id}"));

        Assert.Equal("TARGET_KIND_HUMAN_REP", (string?)routed["decision"]!["target"]!["kind"]);
        Assert.Equal("005BDR010000000YBA", (string?)routed["decision"]!["target"]!["repId"]);
        Assert.Equal(id, (string?)read["decision"]!["id"]);
        Assert.Equal((string?)routed["decision"]!["matchedRule"], (string?)read["decision"]!["matchedRule"]);
    }

    [Fact]
    public async Task Presence_is_set_with_a_put_and_listed_with_a_get()
    {
        var put = await _http.PutAsJsonAsync(
            "/v1/reps/005SDR010000000YBA/presence",
            new { status = "PRESENCE_STATUS_AWAY" }
        );
        var reps = await Json(await _http.GetAsync("/v1/reps"));

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        Assert.Contains(reps["reps"]!.AsArray(), r =>
            (string?)r!["repId"] == "005SDR010000000YBA" && (string?)r["status"] == "PRESENCE_STATUS_AWAY"
        );
    }

    [Fact]
    public async Task Bad_input_is_a_400_with_the_field_violations_and_no_credentials_a_401()
    {
        var bad = await _http.PostAsJsonAsync(
            "/v1/visitors:route",
            new
            {
                requestId = "json-2",
                ipAddress = "not-an-ip",
                pageUrl = "ftp://x",
            }
        );
        using var anonymous = _hub.CreateHttpClient();
        var refused = await anonymous.PostAsJsonAsync(
            "/v1/visitors:route",
            new
            {
                requestId = "json-3",
                ipAddress = "203.0.113.5",
                pageUrl = "https://www.example.com/",
            }
        );

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var status = JsonNode.Parse(await bad.Content.ReadAsStringAsync())!;
        Assert.Equal(3, (int?)status["code"]);
        // A JSON caller's violations name the fields as it wrote them.
        Assert.Contains("\"field\":\"ipAddress\"", status.ToJsonString(), StringComparison.Ordinal);
        Assert.Contains("\"field\":\"pageUrl\"", status.ToJsonString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        Assert.Empty((await _hub.Routing.ListDecisionsAsync(new ListDecisionsRequest())).Decisions);
    }

    [Fact]
    public async Task The_openapi_description_lists_every_route_with_its_schemas()
    {
        using var anonymous = _hub.CreateHttpClient();
        var document = await Json(await anonymous.GetAsync("/openapi/v1.json"));
        var paths = document["paths"]!.AsObject();

        Assert.Equal("3.0.3", (string?)document["openapi"]);
        Assert.Equal(
            [
                "/v1/connectors",
                "/v1/conversations",
                "/v1/decisions",
                "/v1/decisions/{decisionId}",
                "/v1/leads:preview",
                "/v1/leads:route",
                "/v1/metrics/routing",
                "/v1/reps",
                "/v1/reps/{repId}/alerts",
                "/v1/reps/{repId}/presence",
                "/v1/visitors:preview",
                "/v1/visitors:route",
            ],
            paths.Select(p => p.Key).Order(StringComparer.Ordinal)
        );
        Assert.Equal(
            "#/components/schemas/integrationhub.routing.v1.RouteVisitorRequest",
            (string?)
                paths["/v1/visitors:route"]!["post"]!["requestBody"]!["content"]!["application/json"]!["schema"]![
                    "$ref"
                ]
        );
        var request = document["components"]!["schemas"]!["integrationhub.routing.v1.RouteVisitorRequest"]![
            "properties"
        ]!.AsObject();
        Assert.Equal(["requestId", "ipAddress", "pageUrl", "email", "clickThroughToken"], request.Select(p => p.Key));
        Assert.Contains(paths["/v1/decisions"]!["get"]!["parameters"]!.AsArray(), p =>
            (string?)p!["name"] == "pageSize" && (string?)p["in"] == "query"
        );
        Assert.Contains(paths["/v1/conversations"]!["get"]!["parameters"]!.AsArray(), p =>
            (string?)p!["name"] == "state" && (string?)p["in"] == "query" && (bool)p["required"]!
        );
        // The window GetRoutingMetrics cannot go without, as the query parameters the hub reads.
        var window = paths["/v1/metrics/routing"]!["get"]!["parameters"]!.AsArray();
        Assert.Equal(
            [("startTime", "date-time", true), ("endTime", "date-time", true)],
            window.Select(p => ((string)p!["name"]!, (string?)p["schema"]!["format"], (bool)p["required"]!))
        );
        Assert.Equal(
            ["requestId", "ipAddress", "pageUrl"],
            document["components"]!["schemas"]!["integrationhub.routing.v1.RouteVisitorRequest"]!["required"]!
                .AsArray()
                .Select(r => (string)r!)
        );
    }

    [Fact]
    public async Task Sixty_four_bit_numbers_go_out_as_strings_as_the_proto_json_mapping_says()
    {
        var now = _hub.Time.GetUtcNow();
        var metrics = await Json(
            await _http.GetAsync(
                $"/v1/metrics/routing?startTime={now.AddHours(-1):yyyy-MM-ddTHH:mm:ssZ}"
                    + $"&endTime={now:yyyy-MM-ddTHH:mm:ssZ}"
            )
        );

        Assert.Equal(System.Text.Json.JsonValueKind.String, metrics["sessionsWaited"]!.GetValueKind());
        Assert.Equal(System.Text.Json.JsonValueKind.String, metrics["totalAvailableSeconds"]!.GetValueKind());
    }

    private static async Task<JsonNode> Json(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        return JsonNode.Parse(text)!;
    }
}
