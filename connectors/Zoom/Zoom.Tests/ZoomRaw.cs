using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using IntegrationHub.Connectors.Zoom.Fake;

namespace IntegrationHub.Connectors.Zoom.Tests;

/// <summary>
/// Plain HTTP to the fake, as any Zoom client would send it (a Server-to-Server token, then a bearer header), for
/// tests of what the fake answers rather than of what the connector makes of it.
/// </summary>
public sealed class ZoomRaw(ZoomFake fake) : IDisposable
{
    public static readonly string Basic = Convert.ToBase64String(
        Encoding.UTF8.GetBytes($"{ZoomFake.ClientId}:{ZoomFake.ClientSecret}")
    );

    private readonly HttpClient _http = new() { BaseAddress = fake.BaseUrl };
    private string? _token;

    public Task<HttpResponseMessage> TokenAsync(string query, HttpContent? body = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "oauth/token" + query) { Content = body };
        request.Headers.Authorization = new AuthenticationHeaderValue("Basic", Basic);
        return _http.SendAsync(request);
    }

    public async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, string? json = null)
    {
        if (_token is null)
        {
            using var token = await TokenAsync($"?grant_type=account_credentials&account_id={ZoomFake.AccountId}");
            _token = JsonNode.Parse(await token.Content.ReadAsStringAsync())!["access_token"]!.GetValue<string>();
        }

        var request = new HttpRequestMessage(method, path)
        {
            Content = json is null ? null : new StringContent(json, Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _token);
        return await _http.SendAsync(request);
    }

    public static async Task<JsonNode> BodyAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!;

    public void Dispose() => _http.Dispose();
}
