using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using IntegrationHub.Sdk.Errors;
using IntegrationHub.Sdk.Http;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Connectors.Outreach;

/// <summary>
/// Calls Outreach API v2 with a bearer token refreshed before it expires (and once on a 401)
/// under the credential store's lock, shared with every hub instance,
/// the JSON:API media type on every body, and cursor paging through links.next.
/// </summary>
public sealed class OutreachApi(
    IHttpClientFactory clients,
    IOptions<OutreachOptions> options,
    IConnectorCredentialStore credentials,
    TimeProvider time
)
{
    public const string MediaType = "application/vnd.api+json";
    private const int MaxPages = 1000;
    private const string RefreshTokenName = "refresh_token";
    private const string AccessTokenName = "access_token";
    private const string AccessTokenExpiresName = "access_token_expires_at";
    private static readonly TimeSpan SharedTokenMinimumLife = TimeSpan.FromMinutes(2);
    private readonly AccessTokenCache _tokens = new(time);

    public int TokenFetches => _tokens.Fetches;

    internal Task<JsonApiDocument?> SendAsync(
        HttpMethod method,
        string path,
        JsonNode? body,
        CancellationToken cancellationToken,
        bool notFoundIsNull = false
    ) =>
        _tokens.SendAsync(
            RefreshAsync,
            clients.CreateClient(OutreachConnector.Name),
            OutreachConnector.Name,
            token => Request(method, path, body, token),
            rejectsToken: (response, _) => response.StatusCode == HttpStatusCode.Unauthorized,
            answer: (response, text) => Document(response, text, notFoundIsNull),
            cancellationToken
        );

    private static HttpRequestMessage Request(HttpMethod method, string path, JsonNode? body, string token)
    {
        var target = path.StartsWith("http", StringComparison.Ordinal) ? path : "api/v2/" + path;
        var request = new HttpRequestMessage(method, target);
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);
        request.Headers.TryAddWithoutValidation("Accept", MediaType);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, MediaType);
        }

        return request;
    }

    private JsonApiDocument? Document(HttpResponseMessage response, string text, bool notFoundIsNull)
    {
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

    /// <summary>Every resource of a collection, following links.next to the end.</summary>
    internal async Task<(List<JsonNode> Data, List<JsonApiDocument> Pages)> ListAsync(
        string path,
        CancellationToken cancellationToken
    )
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
                throw new ConnectorException(ConnectorErrorKind.VendorProtocol, "Outreach paging did not end.")
                {
                    Vendor = OutreachConnector.Name,
                };
            }

            var page = (await SendAsync(HttpMethod.Get, next, null, cancellationToken))!;
            pages.Add(page);
            data.AddRange(page.Data);
            next = page.Next;
        }

        return (data, pages);
    }

    /// <summary>
    /// Outreach rotates the refresh token on every use: spending it twice locks the hub out until
    /// a person re-authorizes. So a refresh happens only under the credential store's lock, shared
    /// by every hub instance. Under it, an access token another instance (or this one before a
    /// restart) stored meanwhile is used as it is; otherwise the stored refresh token, then the
    /// configured one (an admin re-authorized the app), is exchanged, and the answer is stored
    /// before anything else happens. The exchange runs to the end even when the caller gives up
    /// waiting: a cancelled request whose answer was dropped would lose the rotated token.
    /// </summary>
    private Task<AccessToken> RefreshAsync(CancellationToken cancellationToken) =>
        RefreshUnderLockAsync().WaitAsync(cancellationToken);

    private async Task<AccessToken> RefreshUnderLockAsync()
    {
        await using var lease = await credentials.LockAsync(OutreachConnector.Name, CancellationToken.None);
        if (SharedAccessToken(lease.Values) is { } shared)
        {
            return shared;
        }

        string? refusal = null;
        foreach (
            var refreshToken in new[] { lease.Values.GetValueOrDefault(RefreshTokenName), options.Value.RefreshToken }
                .OfType<string>()
                .Where(t => t.Length > 0)
                .Distinct(StringComparer.Ordinal)
        )
        {
            var o = options.Value;
            using var request = new HttpRequestMessage(HttpMethod.Post, "oauth/token")
            {
                Content = new FormUrlEncodedContent(
                    new Dictionary<string, string>
                    {
                        ["client_id"] = o.ClientId ?? "",
                        ["client_secret"] = o.ClientSecret ?? "",
                        ["redirect_uri"] = o.RedirectUri,
                        ["grant_type"] = "refresh_token",
                        ["refresh_token"] = refreshToken,
                    }
                ),
            };
            // Once, under one long timeout: a retry after Outreach rotated (the answer was merely late) would spend the
            // old token again, get invalid_grant, and leave the hub with no credential.
            using var response = await VendorHttp.SendAsync(
                clients.CreateClient(ConnectorHttpClients.SingleAttempt(OutreachConnector.Name)),
                request,
                OutreachConnector.Name,
                CancellationToken.None
            );
            var text = await VendorHttp.BodyAsync(response, CancellationToken.None);
            if (response.IsSuccessStatusCode)
            {
                // Outreach has rotated: store its answer before any other I/O or await.
                var (issued, stored) = Issued(text, time.GetUtcNow());
                if (stored.Count > 0)
                {
                    await lease.StoreAsync(stored);
                }

                return issued
                    ?? throw new ConnectorException(ConnectorErrorKind.VendorProtocol, "Outreach sent no access_token.")
                    {
                        Vendor = OutreachConnector.Name,
                    };
            }

            if ((int)response.StatusCode >= 500 || response.StatusCode == HttpStatusCode.TooManyRequests)
            {
                throw OutreachErrors.From(response, text, time.GetUtcNow());
            }

            refusal = OAuthError(text) ?? ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
        }

        throw new ConnectorException(
            ConnectorErrorKind.VendorAuthentication,
            $"Outreach refused the hub's refresh token ({refusal ?? "none configured"}); re-authorize the app and "
                + $"set Connectors:Outreach:RefreshToken."
        )
        {
            Vendor = OutreachConnector.Name,
            Reason = "OUTREACH_REFRESH_FAILED",
        };
    }

    /// <summary>
    /// The stored access token, unless Outreach rejected it here or it expires within
    /// <see cref="SharedTokenMinimumLife"/> (longer than the cache's renewal margin, so a token
    /// the cache is renewing is not taken back).
    /// </summary>
    private AccessToken? SharedAccessToken(IReadOnlyDictionary<string, string> stored)
    {
        if (
            stored.GetValueOrDefault(AccessTokenName) is not { Length: > 0 } token
            || token == _tokens.Rejected
            || !long.TryParse(
                stored.GetValueOrDefault(AccessTokenExpiresName),
                NumberStyles.Integer,
                CultureInfo.InvariantCulture,
                out var expires
            )
        )
        {
            return null;
        }

        var left = DateTimeOffset.FromUnixTimeSeconds(expires) - time.GetUtcNow();
        if (left <= SharedTokenMinimumLife)
        {
            return null;
        }

        return new AccessToken(token, left);
    }

    /// <summary>
    /// The token answer: the access token, and what to store (the rotated refresh token, the access token and when it
    /// expires).
    /// </summary>
    private static (AccessToken? Token, Dictionary<string, string> Stored) Issued(string text, DateTimeOffset now)
    {
        var stored = new Dictionary<string, string>(StringComparer.Ordinal);
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return (null, stored);
        }

        if (node?["refresh_token"]?.GetValue<string>() is { Length: > 0 } rotated)
        {
            stored[RefreshTokenName] = rotated;
        }

        if (node?["access_token"]?.GetValue<string>() is not { Length: > 0 } access)
        {
            return (null, stored);
        }

        var lifetime = node["expires_in"]?.GetValue<int>() is { } seconds
            ? TimeSpan.FromSeconds(seconds)
            : (TimeSpan?)null;
        if (lifetime is { } life)
        {
            stored[AccessTokenName] = access;
            stored[AccessTokenExpiresName] = (now + life).ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        }

        return (new AccessToken(access, lifetime), stored);
    }

    /// <summary>The OAuth error code of a refused token request ("invalid_grant"), never the token.</summary>
    private static string? OAuthError(string text)
    {
        try
        {
            return JsonNode.Parse(text)?["error"]?.GetValue<string>();
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            return null;
        }
    }
}
