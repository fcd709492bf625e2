using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using IntegrationHub.Sdk.Errors;
using IntegrationHub.Sdk.Http;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Connectors.Outreach;

/// <summary>
/// Calls Outreach API v2 with a bearer token refreshed before it expires (and once on a 401),
/// the JSON:API media type on every body, and cursor paging through links.next.
/// </summary>
public sealed class OutreachApi(IHttpClientFactory clients, IOptions<OutreachOptions> options, IConnectorCredentialStore credentials, TimeProvider time)
{
    public const string MediaType = "application/vnd.api+json";
    private const int MaxPages = 1000;
    private const string RefreshTokenName = "refresh_token";
    private readonly AccessTokenCache _tokens = new(time);

    public int TokenFetches => _tokens.Fetches;

    internal async Task<JsonApiDocument?> SendAsync(HttpMethod method, string path, JsonNode? body, CancellationToken cancellationToken, bool notFoundIsNull = false)
    {
        for (var attempt = 0; ; attempt++)
        {
            var token = await _tokens.GetAsync(RefreshAsync, cancellationToken);
            using var request = new HttpRequestMessage(method, path.StartsWith("http", StringComparison.Ordinal) ? path : "api/v2/" + path);
            request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);
            request.Headers.TryAddWithoutValidation("Accept", MediaType);
            if (body is not null)
            {
                request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, MediaType);
            }

            using var response = await VendorHttp.SendAsync(clients.CreateClient(OutreachConnector.Name), request, OutreachConnector.Name, cancellationToken);
            var text = await VendorHttp.BodyAsync(response, cancellationToken);
            if (response.StatusCode == HttpStatusCode.Unauthorized && attempt == 0)
            {
                _tokens.Invalidate(token);
                continue;
            }

            if (response.StatusCode == HttpStatusCode.NotFound && notFoundIsNull)
            {
                return null;
            }

            if (!response.IsSuccessStatusCode)
            {
                throw OutreachErrors.From(response, text, time.GetUtcNow());
            }

            return text.Length == 0 ? new JsonApiDocument(null) : JsonApiDocument.Parse(text);
        }
    }

    /// <summary>Every resource of a collection, following links.next to the end.</summary>
    internal async Task<(List<JsonNode> Data, List<JsonApiDocument> Pages)> ListAsync(string path, CancellationToken cancellationToken)
    {
        var data = new List<JsonNode>();
        var pages = new List<JsonApiDocument>();
        string? next = path;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (next is not null)
        {
            if (!seen.Add(next) || seen.Count > MaxPages)
            {
                // A cursor that repeats or never ends is the vendor's bug; stop instead of looping.
                throw new ConnectorException(ConnectorErrorKind.VendorProtocol, "Outreach paging did not end.") { Vendor = OutreachConnector.Name };
            }

            var page = (await SendAsync(HttpMethod.Get, next, null, cancellationToken))!;
            pages.Add(page);
            data.AddRange(page.Data);
            next = page.Next;
        }

        return (data, pages);
    }

    /// <summary>
    /// Outreach rotates the refresh token on every use, so the newest one is kept in the
    /// credential store. A refused token is retried with one the store got meanwhile (another
    /// instance refreshed first) or with the configured one (an admin re-authorized the app).
    /// </summary>
    private async Task<AccessToken> RefreshAsync(CancellationToken cancellationToken)
    {
        var tried = new HashSet<string>(StringComparer.Ordinal);
        while (await NextRefreshTokenAsync(tried, cancellationToken) is { } refreshToken)
        {
            tried.Add(refreshToken);
            var o = options.Value;
            using var request = new HttpRequestMessage(HttpMethod.Post, "oauth/token")
            {
                Content = new FormUrlEncodedContent(new Dictionary<string, string>
                {
                    ["client_id"] = o.ClientId ?? "", ["client_secret"] = o.ClientSecret ?? "", ["redirect_uri"] = o.RedirectUri,
                    ["grant_type"] = "refresh_token", ["refresh_token"] = refreshToken,
                }),
            };
            using var response = await VendorHttp.SendAsync(clients.CreateClient(OutreachConnector.Name), request, OutreachConnector.Name, cancellationToken);
            var text = await VendorHttp.BodyAsync(response, cancellationToken);
            if ((int)response.StatusCode >= 500 || response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                throw OutreachErrors.From(response, text, time.GetUtcNow());
            }

            if (response.IsSuccessStatusCode)
            {
                var node = JsonNode.Parse(text);
                if (node?["refresh_token"]?.GetValue<string>() is { Length: > 0 } rotated)
                {
                    await credentials.SetAsync(OutreachConnector.Name, RefreshTokenName, rotated, CancellationToken.None);
                }

                var lifetime = node?["expires_in"]?.GetValue<int>() is { } seconds ? TimeSpan.FromSeconds(seconds) : (TimeSpan?)null;
                return new AccessToken(node?["access_token"]?.GetValue<string>() ?? throw new ConnectorException(ConnectorErrorKind.VendorProtocol, "Outreach sent no access_token.") { Vendor = OutreachConnector.Name }, lifetime);
            }
        }

        throw new ConnectorException(ConnectorErrorKind.VendorAuthentication, "Outreach refused the hub's refresh token; re-authorize the app.") { Vendor = OutreachConnector.Name, Reason = "OUTREACH_REFRESH_FAILED" };
    }

    /// <summary>The stored token first, then the configured one; none that was already refused.</summary>
    private async Task<string?> NextRefreshTokenAsync(HashSet<string> tried, CancellationToken cancellationToken)
    {
        var stored = await credentials.GetAsync(OutreachConnector.Name, RefreshTokenName, cancellationToken);
        return new[] { stored, options.Value.RefreshToken }.FirstOrDefault(t => t is { Length: > 0 } && !tried.Contains(t));
    }
}
