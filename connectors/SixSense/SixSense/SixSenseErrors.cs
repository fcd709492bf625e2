using System.Net;
using IntegrationHub.Sdk.Errors;

namespace IntegrationHub.Connectors.SixSense;

/// <summary>
/// 6sense's error statuses. Its error body has no stable code, so only the status decides;
/// the body's message is kept for the operator.
/// </summary>
internal static class SixSenseErrors
{
    public static ConnectorException From(HttpResponseMessage response, string body)
    {
        var message = Message(body);
        var (kind, reason, text) = (int)response.StatusCode switch
        {
            400 or 422 => (ConnectorErrorKind.InvalidArgument, "SIXSENSE_BAD_REQUEST", "6sense rejected the request"),
            401 => (
                ConnectorErrorKind.VendorAuthentication,
                "SIXSENSE_UNAUTHORIZED",
                "6sense rejected the API token (bad, expired, or from another API group)"
            ),
            402 => (
                ConnectorErrorKind.QuotaExhausted,
                "SIXSENSE_CREDITS_EXHAUSTED",
                "6sense API credits are exhausted"
            ),
            403 => (
                ConnectorErrorKind.VendorAuthentication,
                "SIXSENSE_NOT_PROVISIONED",
                "the 6sense API is not provisioned for this token"
            ),
            429 => (
                ConnectorErrorKind.RateLimited,
                "SIXSENSE_RATE_LIMITED",
                "6sense is rate limiting (about 100 calls a minute)"
            ),
            >= 500 => (ConnectorErrorKind.VendorUnavailable, "SIXSENSE_UNAVAILABLE", "6sense failed"),
            _ => (
                ConnectorErrorKind.VendorProtocol,
                "SIXSENSE_UNEXPECTED_STATUS",
                $"6sense answered {(int)response.StatusCode}"
            ),
        };
        return new ConnectorException(kind, message is null ? text + "." : $"{text}: {message}")
        {
            Vendor = SixSenseConnector.Name,
            Reason = reason,
            RetryAfter = response.StatusCode == HttpStatusCode.TooManyRequests ? TimeSpan.FromSeconds(60) : null,
            FieldViolations =
                kind == ConnectorErrorKind.InvalidArgument ? [new FieldViolation("ip_address", message ?? text)] : [],
        };
    }

    private static string? Message(string body)
    {
        try
        {
            return System.Text.Json.Nodes.JsonNode.Parse(body)?["message"]?.GetValue<string>();
        }
        catch (System.Text.Json.JsonException)
        {
            return null;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }
}
