using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using IntegrationHub.Connectors.Marketo.Fake;
using IntegrationHub.Connectors.Salesforce.Fake;
using IntegrationHub.Connectors.SixSense.Fake;
using IntegrationHub.Connectors.Zoom.Fake;
using IntegrationHub.Sdk.Sandbox;
using IntegrationHub.Sdk.TestKit;
using Microsoft.Extensions.Time.Testing;

namespace IntegrationHub.Server.Tests.Sandbox;

/// <summary>
/// Sandbox fakes throttle at their vendors' documented limits, in the vendor's own shape, on the hub's clock (held
/// still here, so every call falls in one window); Sandbox:VendorLimits=Unlimited (LiftLimits) takes them away for
/// load runs.
/// </summary>
public sealed class SandboxLimitTests
{
    private readonly FakeTimeProvider _time = TestClock.Frozen();

    [Fact]
    public async Task Marketo_answers_606_inside_http_200_on_call_101_in_20_seconds_until_the_limits_are_lifted()
    {
        await using var vendor = new MarketoSandbox();
        using var http = await StartAsync(vendor);
        var token = JsonNode.Parse(
            await http.GetStringAsync(
                $"identity/oauth/token?grant_type=client_credentials&client_id={MarketoFake.ClientId}"
                    + $"&client_secret={MarketoFake.ClientSecret}"
            )
        )!["access_token"]!.GetValue<string>();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        const string programs = "rest/asset/v1/programs.json";

        for (var call = 1; call <= 100; call++)
        {
            Assert.True(JsonNode.Parse(await http.GetStringAsync(programs))!["success"]!.GetValue<bool>(), $"{call}");
        }

        using var over = await http.GetAsync(programs);
        var refused = JsonNode.Parse(await over.Content.ReadAsStringAsync())!;
        Assert.Equal(HttpStatusCode.OK, over.StatusCode);
        Assert.False(refused["success"]!.GetValue<bool>());
        Assert.Equal("606", refused["errors"]![0]!["code"]!.GetValue<string>());
        Assert.Equal("Max rate limit '100' exceeded with in '20' secs", refused["errors"]![0]!["message"]!.ToString());

        vendor.LiftLimits();
        Assert.True(JsonNode.Parse(await http.GetStringAsync(programs))!["success"]!.GetValue<bool>());
    }

    [Fact]
    public async Task SixSense_answers_a_bare_429_on_call_101_in_a_minute()
    {
        await using var vendor = new SixSenseSandbox();
        using var http = await StartAsync(vendor);
        http.DefaultRequestHeaders.TryAddWithoutValidation("Authorization", "Token " + SixSenseFake.ValidToken);
        const string lookup = "v3/company/details?ip=203.0.113.5";

        using var over = await OverTheLimitAsync(http, lookup, allowed: 100);
        Assert.Equal(HttpStatusCode.TooManyRequests, over.StatusCode);
        Assert.Null(over.Headers.RetryAfter);
        Assert.DoesNotContain(over.Headers, h => h.Key.StartsWith("X-RateLimit", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public async Task Zoom_answers_a_qps_429_on_request_21_in_a_second()
    {
        await using var vendor = new ZoomSandbox();
        using var http = await StartAsync(vendor);
        using var tokenRequest = new HttpRequestMessage(
            HttpMethod.Post,
            $"oauth/token?grant_type=account_credentials&account_id={ZoomFake.AccountId}"
        );
        tokenRequest.Headers.Authorization = new AuthenticationHeaderValue(
            "Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{ZoomFake.ClientId}:{ZoomFake.ClientSecret}"))
        );
        using var tokenAnswer = await http.SendAsync(tokenRequest);
        var token = JsonNode.Parse(await tokenAnswer.Content.ReadAsStringAsync())!["access_token"]!.GetValue<string>();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        const string meetings = "v2/users/avery.johnson@hub.demo/meetings";

        using var over = await OverTheLimitAsync(http, meetings, allowed: 20);
        Assert.Equal(HttpStatusCode.TooManyRequests, over.StatusCode);
        Assert.Equal("QPS", Assert.Single(over.Headers.GetValues("X-RateLimit-Type")));
        Assert.Equal("20", Assert.Single(over.Headers.GetValues("X-RateLimit-Limit")));
        Assert.Contains("per-second rate limit", await over.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Salesforce_reports_the_orgs_daily_allowance_of_100000_requests()
    {
        await using var vendor = new SalesforceSandbox();
        using var http = await StartAsync(vendor);
        using var form = new StringContent(
            $"grant_type=client_credentials&client_id={SalesforceFake.ClientId}"
                + $"&client_secret={SalesforceFake.ClientSecret}",
            Encoding.UTF8,
            "application/x-www-form-urlencoded"
        );
        using var tokenAnswer = await http.PostAsync("services/oauth2/token", form);
        var token = JsonNode.Parse(await tokenAnswer.Content.ReadAsStringAsync())!["access_token"]!.GetValue<string>();
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        using var answer = await http.GetAsync("services/data/v60.0/query?q=SELECT+Id+FROM+User");

        Assert.Equal("api-usage=1/100000", Assert.Single(answer.Headers.GetValues("Sforce-Limit-Info")));
    }

    /// <summary>The answer to the call after <paramref name="allowed"/> calls that were not throttled.</summary>
    private static async Task<HttpResponseMessage> OverTheLimitAsync(HttpClient http, string path, int allowed)
    {
        for (var call = 1; call <= allowed; call++)
        {
            using var answer = await http.GetAsync(path);
            Assert.NotEqual(HttpStatusCode.TooManyRequests, answer.StatusCode);
        }

        return await http.GetAsync(path);
    }

    private async Task<HttpClient> StartAsync(ISandboxVendor vendor)
    {
        var settings = await vendor.StartAsync(CancellationToken.None);
        var seed = SandboxSeed.Load(Path.Combine(AppContext.BaseDirectory, "sandbox", "demo-seed.json"));
        await vendor.SeedAsync(seed, _time, CancellationToken.None);
        var baseUrl = settings["BaseUrl"]!;
        return new HttpClient { BaseAddress = new Uri(baseUrl.EndsWith('/') ? baseUrl : baseUrl + "/") };
    }
}
