using System.Net;
using IntegrationHub.Sdk.Errors;

namespace PartnerName.Connector;

/// <summary>The vendor's error statuses mapped to the kinds the hub turns into gRPC status codes.</summary>
internal static class PartnerNameErrors
{
    public static ConnectorException From(HttpResponseMessage response, string body)
    {
        var (kind, text) = (int)response.StatusCode switch
        {
            400 => (ConnectorErrorKind.InvalidArgument, "PartnerName rejected the request"),
            401 or 403 => (ConnectorErrorKind.VendorAuthentication, "PartnerName rejected the API key"),
            402 => (ConnectorErrorKind.QuotaExhausted, "PartnerName's lookup credits are spent"),
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
            FieldViolations =
                kind == ConnectorErrorKind.InvalidArgument ? [new FieldViolation("ip_address", body)] : [],
        };
    }
}
