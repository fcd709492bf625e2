using System.Text.Json.Nodes;
using IntegrationHub.Connectors.Outreach.Fake;

namespace IntegrationHub.Connectors.Outreach.Tests;

/// <summary>
/// Plain HTTP to the fake, as any Outreach client would send it (a refreshed token, then a bearer header and the
/// JSON:API media type), for tests of what the fake answers rather than of what the connector makes of it. It spends
/// the fake's refresh token, so a test uses it beside a connector only after the connector has its own token.
/// </summary>
public sealed class OutreachRaw(OutreachFake fake) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = fake.BaseUrl };
    private string? _token;

    public async Task<HttpResponseMessage> GetAsync(string pathAndQuery)
    {
        _token ??= await TokenAsync();
        var request = new HttpRequestMessage(
            HttpMethod.Get,
            pathAndQuery.StartsWith("http", StringComparison.Ordinal) ? pathAndQuery : "api/v2/" + pathAndQuery
        );
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + _token);
        request.Headers.TryAddWithoutValidation("Accept", "application/vnd.api+json");
        return await _http.SendAsync(request);
    }

    public void Dispose() => _http.Dispose();

    private async Task<string> TokenAsync()
    {
        using var response = await _http.PostAsync(
            "oauth/token",
            new FormUrlEncodedContent(
                new Dictionary<string, string>
                {
                    ["client_id"] = OutreachFake.ClientId,
                    ["client_secret"] = OutreachFake.ClientSecret,
                    ["grant_type"] = "refresh_token",
                    ["refresh_token"] = fake.RotateElsewhere(),
                }
            )
        );
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["access_token"]!.GetValue<string>();
    }
}
