using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using IntegrationHub.Sdk.Errors;
using IntegrationHub.Sdk.Http;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Connectors.Zoom;

/// <summary>
/// Calls the Zoom API with a Server-to-Server OAuth token (one hour, no refresh token: fetched
/// again before it expires, and once on 401 code 124), and maps Zoom's {code, message} errors.
/// </summary>
public sealed class ZoomApi(IHttpClientFactory clients, IOptions<ZoomOptions> options, TimeProvider time)
{
    private readonly AccessTokenCache _tokens = new(time);

    public int TokenFetches => _tokens.Fetches;

    internal Task<(HttpStatusCode Status, JsonNode? Body)> SendAsync(
        HttpMethod method,
        string path,
        JsonNode? body,
        CancellationToken cancellationToken
    ) =>
        _tokens.SendAsync(
            FetchTokenAsync,
            clients.CreateClient(ZoomConnector.Name),
            ZoomConnector.Name,
            token => Request(method, path, body, token),
            rejectsToken: (response, _) => response.StatusCode == HttpStatusCode.Unauthorized,
            answer: (response, text) =>
                response.IsSuccessStatusCode ? (response.StatusCode, Answer(text)) : throw Error(response, Parse(text)),
            cancellationToken
        );

    private static HttpRequestMessage Request(HttpMethod method, string path, JsonNode? body, string token)
    {
        var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        return request;
    }

    private ConnectorException Error(HttpResponseMessage response, JsonNode? body)
    {
        var code = body?["code"]?.GetValue<int>();
        var message = body?["message"]?.GetValue<string>() ?? "";
        var daily =
            response.Headers.TryGetValues("X-RateLimit-Type", out var type)
                && type.Any(t => t.StartsWith("Daily", StringComparison.OrdinalIgnoreCase))
            || message.Contains("daily", StringComparison.OrdinalIgnoreCase);
        var kind = (int)response.StatusCode switch
        {
            400 when code is 3000 or 3001 => ConnectorErrorKind.NotFound,
            400 => ConnectorErrorKind.InvalidArgument,
            401 => ConnectorErrorKind.VendorAuthentication,
            404 => ConnectorErrorKind.NotFound,
            409 => ConnectorErrorKind.Conflict,
            429 when daily => ConnectorErrorKind.QuotaExhausted,
            429 => ConnectorErrorKind.RateLimited,
            >= 500 => ConnectorErrorKind.VendorUnavailable,
            _ => ConnectorErrorKind.VendorProtocol,
        };
        var violations =
            kind != ConnectorErrorKind.InvalidArgument
                ? []
                : (body?["errors"] as JsonArray ?? [])
                    .OfType<JsonNode>()
                    .Select(e => new FieldViolation(
                        e["field"]?.GetValue<string>() ?? "request",
                        e["message"]?.GetValue<string>() ?? message
                    ))
                    .ToList();
        return new ConnectorException(
            kind,
            VendorErrorText.Of("Zoom", code?.ToString(CultureInfo.InvariantCulture), response.StatusCode, message)
        )
        {
            Vendor = ZoomConnector.Name,
            Reason = code is { } c ? $"ZOOM_{c}" : null,
            RetryAfter = RetryAfterHeader.Read(response, time.GetUtcNow()),
            FieldViolations =
                kind == ConnectorErrorKind.InvalidArgument && violations.Count == 0
                    ? [new FieldViolation("request", message)]
                    : violations,
        };
    }

    private async Task<AccessToken> FetchTokenAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        using var request = new HttpRequestMessage(
            HttpMethod.Post,
            new Uri(o.TokenUrl, $"?grant_type=account_credentials&account_id={Uri.EscapeDataString(o.AccountId ?? "")}")
        );
        request.Headers.Authorization = new AuthenticationHeaderValue(
            "Basic",
            Convert.ToBase64String(Encoding.UTF8.GetBytes($"{o.ClientId}:{o.ClientSecret}"))
        );
        using var response = await VendorHttp.SendAsync(
            clients.CreateClient(ZoomConnector.Name),
            request,
            ZoomConnector.Name,
            cancellationToken
        );
        var text = await VendorHttp.BodyAsync(response, cancellationToken);
        var node = response.IsSuccessStatusCode ? Answer(text) : Parse(text);
        if (response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.Unauthorized)
        {
            throw new ConnectorException(
                ConnectorErrorKind.VendorAuthentication,
                "Zoom refused the hub's Server-to-Server OAuth credentials."
            )
            {
                Vendor = ZoomConnector.Name,
                Reason = "ZOOM_OAUTH_FAILED",
            };
        }

        var token = response.IsSuccessStatusCode ? node?["access_token"]?.GetValue<string>() : null;
        return token is null
            ? throw new ConnectorException(
                ConnectorErrorKind.VendorUnavailable,
                $"Zoom's token endpoint answered {(int)response.StatusCode}."
            )
            {
                Vendor = ZoomConnector.Name,
            }
            : new AccessToken(
                token,
                node?["expires_in"]?.GetValue<int>() is { } s ? TimeSpan.FromSeconds(s) : TimeSpan.FromHours(1)
            );
    }

    /// <summary>
    /// A successful answer's body. One cut short or not JSON is Zoom breaking its protocol: read as nothing, a page
    /// of meetings would show a busy rep free.
    /// </summary>
    private static JsonNode? Answer(string text) =>
        string.IsNullOrWhiteSpace(text) ? null : VendorJson.Parse(text, ZoomConnector.Name);

    /// <summary>An error body, or null when it cannot be read (the status then speaks alone).</summary>
    private static JsonNode? Parse(string text)
    {
        try
        {
            return string.IsNullOrWhiteSpace(text) ? null : JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
