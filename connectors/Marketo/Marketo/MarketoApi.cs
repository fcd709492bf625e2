using System.Net;
using System.Text.Json.Nodes;
using IntegrationHub.Sdk.Errors;
using IntegrationHub.Sdk.Http;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Connectors.Marketo;

/// <summary>
/// Calls Marketo REST with a bearer token from the identity service (renewed before it
/// expires, and once more on 601/602), and turns the envelope's error codes into connector errors.
/// </summary>
public sealed class MarketoApi(IHttpClientFactory clients, IOptions<MarketoOptions> options, TimeProvider time)
{
    private readonly AccessTokenCache _tokens = new(time);

    public int TokenFetches => _tokens.Fetches;

    internal Task<MarketoBody> GetAsync(string path, CancellationToken cancellationToken) =>
        _tokens.SendAsync(
            FetchTokenAsync,
            clients.CreateClient(MarketoConnector.Name),
            MarketoConnector.Name,
            token => Request(path, token),
            // Marketo answers an expired (601) or invalid (602) token with HTTP 200 and the code in its envelope.
            rejectsToken: (_, text) => MarketoBody.TryParse(text) is { Success: false, ErrorCode: "601" or "602" },
            answer: (response, text) =>
            {
                var body = MarketoBody.TryParse(text);
                return body is { Success: true } ? body : throw Error(response.StatusCode, body);
            },
            cancellationToken
        );

    private static HttpRequestMessage Request(string path, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);
        return request;
    }

    private ConnectorException Error(HttpStatusCode status, MarketoBody? body)
    {
        var code = body?.ErrorCode;
        var kind = (int)status switch
        {
            413 or 414 => ConnectorErrorKind.InvalidArgument,
            >= 500 when code is null => ConnectorErrorKind.VendorUnavailable,
            _ => code switch
            {
                "601" or "602" or "603" => ConnectorErrorKind.VendorAuthentication,
                "606" or "615" => ConnectorErrorKind.RateLimited,
                "607" => ConnectorErrorKind.QuotaExhausted,
                "604" or "608" or "611" => ConnectorErrorKind.VendorUnavailable,
                "610" or "702" or "1004" => ConnectorErrorKind.NotFound,
                "609" or "612" => ConnectorErrorKind.VendorProtocol,
                { } c when c.StartsWith('7') || c.StartsWith('1') => ConnectorErrorKind.InvalidArgument,
                _ => ConnectorErrorKind.VendorProtocol,
            },
        };
        return new ConnectorException(kind, VendorErrorText.Of("Marketo", code, status, body?.ErrorMessage))
        {
            Vendor = MarketoConnector.Name,
            Reason = code is null ? null : "MARKETO_" + code,
            RetryAfter = code == "607" ? UntilMidnightCentral() : null,
            FieldViolations =
                kind == ConnectorErrorKind.InvalidArgument
                    ? [new FieldViolation("request", body?.ErrorMessage ?? "rejected by Marketo")]
                    : [],
        };
    }

    /// <summary>The daily quota resets at 12:00 AM US Central time.</summary>
    private TimeSpan UntilMidnightCentral()
    {
        var zone = TimeZoneInfo.FindSystemTimeZoneById("America/Chicago");
        var now = TimeZoneInfo.ConvertTime(time.GetUtcNow(), zone);
        var midnight = new DateTimeOffset(now.Date.AddDays(1), zone.GetUtcOffset(now.Date.AddDays(1)));
        return midnight - now;
    }

    private async Task<AccessToken> FetchTokenAsync(CancellationToken cancellationToken)
    {
        var o = options.Value;
        using var request = new HttpRequestMessage(
            HttpMethod.Get,
            "identity/oauth/token?grant_type=client_credentials"
                + $"&client_id={Uri.EscapeDataString(o.ClientId ?? "")}"
                + $"&client_secret={Uri.EscapeDataString(o.ClientSecret ?? "")}"
        );
        using var response = await VendorHttp.SendAsync(
            clients.CreateClient(MarketoConnector.Name),
            request,
            MarketoConnector.Name,
            cancellationToken
        );
        var text = await VendorHttp.BodyAsync(response, cancellationToken);
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            throw new ConnectorException(
                ConnectorErrorKind.VendorAuthentication,
                "Marketo identity refused the hub's client id or secret."
            )
            {
                Vendor = MarketoConnector.Name,
                Reason = "MARKETO_IDENTITY_401",
            };
        }

        var node = response.IsSuccessStatusCode ? JsonNode.Parse(text) : null;
        var token = node?["access_token"]?.GetValue<string>()
            ?? throw new ConnectorException(
                ConnectorErrorKind.VendorUnavailable,
                $"Marketo identity answered {(int)response.StatusCode}."
            )
            {
                Vendor = MarketoConnector.Name,
            };
        return new AccessToken(
            token,
            node?["expires_in"]?.GetValue<int>() is { } seconds ? TimeSpan.FromSeconds(seconds) : null
        );
    }
}
