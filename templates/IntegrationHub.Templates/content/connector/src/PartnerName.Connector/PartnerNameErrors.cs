using System.Net;
using IntegrationHub.Sdk.Errors;

namespace PartnerName.Connector;

/// <summary>The vendor's error statuses mapped to the kinds the hub turns into gRPC status codes.</summary>
internal static class PartnerNameErrors
{
    /// <summary>
    /// The error for an answer the connector does not read; a 400 or 422 becomes a field violation on
    /// <paramref name="field"/>, the request field as the hub's callers name it (not the vendor's name for it).
    /// </summary>
    public static ConnectorException From(HttpResponseMessage response, string body, string field)
    {
        var (kind, text) = (int)response.StatusCode switch
        {
            400 or 422 => (ConnectorErrorKind.InvalidArgument, "PartnerName rejected the request"),
            401 or 403 => (ConnectorErrorKind.VendorAuthentication, "PartnerName rejected the API key"),
            402 => (ConnectorErrorKind.QuotaExhausted, "PartnerName's credits are spent"),
            404 => (ConnectorErrorKind.NotFound, "PartnerName has no such record"),
            409 => (ConnectorErrorKind.FailedPrecondition, "PartnerName refused the change"),
            429 => (ConnectorErrorKind.RateLimited, "PartnerName is rate limiting"),
            >= 500 => (ConnectorErrorKind.VendorUnavailable, "PartnerName failed"),
            _ => (ConnectorErrorKind.VendorProtocol, $"PartnerName answered {(int)response.StatusCode}"),
        };
        return new ConnectorException(kind, $"{text}: {body}")
        {
            Vendor = PartnerNameConnector.Name,
            // The fake and the vendor send Retry-After in seconds; the hub's resilience pipeline honours it.
            RetryAfter =
                response.StatusCode == HttpStatusCode.TooManyRequests ? response.Headers.RetryAfter?.Delta : null,
            FieldViolations = kind == ConnectorErrorKind.InvalidArgument ? [new FieldViolation(field, body)] : [],
        };
    }
}
