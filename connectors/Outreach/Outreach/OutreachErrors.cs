using System.Globalization;
using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using IntegrationHub.Sdk.Errors;

namespace IntegrationHub.Connectors.Outreach;

/// <summary>
/// Outreach's JSON:API error documents ({"errors":[{id,title,detail|details,source.pointer}]}) mapped to connector
/// errors.
/// </summary>
internal static class OutreachErrors
{
    public static ConnectorException From(HttpResponseMessage response, string body, DateTimeOffset now)
    {
        JsonNode? first = null;
        try
        {
            first = (JsonNode.Parse(body)?["errors"] as JsonArray)?.FirstOrDefault();
        }
        catch (JsonException) { }

        var id = first?["id"]?.GetValue<string>();
        var detail = first?["detail"]?.GetValue<string>()
            ?? first?["details"]?.GetValue<string>()
            ?? first?["title"]?.GetValue<string>()
            ?? "";
        var pointer = first?["source"]?["pointer"]?.GetValue<string>();
        var kind = (int)response.StatusCode switch
        {
            400 or 422 => ConnectorErrorKind.InvalidArgument,
            401 or 403 => ConnectorErrorKind.VendorAuthentication,
            404 => ConnectorErrorKind.NotFound,
            409 => ConnectorErrorKind.Conflict,
            429 => ConnectorErrorKind.RateLimited,
            >= 500 => ConnectorErrorKind.VendorUnavailable,
            _ => ConnectorErrorKind.VendorProtocol,
        };
        return new ConnectorException(kind, VendorErrorText.Of("Outreach", id, response.StatusCode, detail))
        {
            Vendor = OutreachConnector.Name,
            Reason = id,
            RetryAfter = kind == ConnectorErrorKind.RateLimited ? ResetIn(response, now) : null,
            FieldViolations =
                kind == ConnectorErrorKind.InvalidArgument
                    ?
                    [
                        new FieldViolation(
                            pointer?.Split('/').LastOrDefault() is { Length: > 0 } field ? field : "request",
                            detail
                        ),
                    ]
                    : [],
        };
    }

    /// <summary>When the fixed hourly window resets: X-RateLimit-Reset is an epoch timestamp.</summary>
    private static TimeSpan? ResetIn(HttpResponseMessage response, DateTimeOffset now) =>
        response.Headers.TryGetValues("X-RateLimit-Reset", out var values)
        && long.TryParse(values.FirstOrDefault(), out var epoch)
            ? TimeSpan.FromSeconds(Math.Max(0, epoch - now.ToUnixTimeSeconds()))
            : null;
}
