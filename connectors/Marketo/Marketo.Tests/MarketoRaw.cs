using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using IntegrationHub.Connectors.Marketo.Fake;

namespace IntegrationHub.Connectors.Marketo.Tests;

/// <summary>
/// Plain HTTP to the fake, as any Marketo client would send it (a token from identity, then a bearer header), for
/// tests of what the fake answers rather than of what the connector makes of it.
/// </summary>
public sealed class MarketoRaw(MarketoFake fake) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = fake.BaseUrl };
    private string? _token;

    public async Task<(HttpResponseMessage Response, JsonNode Body)> GetAsync(string pathAndQuery) =>
        await SendAsync(new HttpRequestMessage(HttpMethod.Get, pathAndQuery));

    public async Task<(HttpResponseMessage Response, JsonNode Body)> PostAsync(
        string path,
        string body,
        string contentType = "application/json"
    ) =>
        await SendAsync(
            new HttpRequestMessage(HttpMethod.Post, path)
            {
                Content = new StringContent(body, Encoding.UTF8, new MediaTypeHeaderValue(contentType)),
            }
        );

    public void Dispose() => _http.Dispose();

    private async Task<(HttpResponseMessage, JsonNode)> SendAsync(HttpRequestMessage request)
    {
        _token ??= JsonNode.Parse(
            await _http.GetStringAsync(
                "identity/oauth/token?grant_type=client_credentials"
                    + $"&client_id={MarketoFake.ClientId}&client_secret={MarketoFake.ClientSecret}"
            )
        )!["access_token"]!.GetValue<string>();
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + _token);
        var response = await _http.SendAsync(request);
        return (response, JsonNode.Parse(await response.Content.ReadAsStringAsync())!);
    }
}
