using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using IntegrationHub.Sdk.Errors;

namespace IntegrationHub.Connectors.Salesforce;

/// <summary>
/// Salesforce REST errors are a JSON array of {message, errorCode, fields}; OAuth errors are
/// {error, error_description}. Each maps to what the hub's caller can act on.
/// </summary>
internal static class SalesforceErrors
{
    public const string InvalidSession = "INVALID_SESSION_ID";
    public const string DuplicatesDetected = "DUPLICATES_DETECTED";

    public static (string? Code, string Message, IReadOnlyList<string> Fields, string? DuplicateId) Read(string body)
    {
        try
        {
            var first = (JsonNode.Parse(body) as JsonArray)?.FirstOrDefault();
            var fields = (first?["fields"] as JsonArray ?? []).Select(f => f?.GetValue<string>() ?? "").ToList();
            // Salesforce spells the key "duplicateResut" in real responses; accept the corrected spelling too.
            var duplicate = (first?["duplicateResut"] ?? first?["duplicateResult"])?["matchResults"]?[0]?[
                "matchRecords"
            ]?[0]?["record"]?["Id"]?.GetValue<string>();
            return (
                first?["errorCode"]?.GetValue<string>(),
                first?["message"]?.GetValue<string>() ?? "",
                fields,
                duplicate
            );
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return (null, "", [], null);
        }
    }

    public static ConnectorException From(HttpStatusCode status, string body)
    {
        var (code, message, fields, duplicate) = Read(body);
        var kind = (int)status switch
        {
            300 => ConnectorErrorKind.Conflict,
            401 => ConnectorErrorKind.VendorAuthentication,
            403 when code == "REQUEST_LIMIT_EXCEEDED" => ConnectorErrorKind.QuotaExhausted,
            403 => ConnectorErrorKind.VendorAuthentication,
            404 => ConnectorErrorKind.NotFound,
            400 when code is "DUPLICATE_VALUE" or DuplicatesDetected => ConnectorErrorKind.Conflict,
            400 when code == "CANNOT_UPDATE_CONVERTED_LEAD" => ConnectorErrorKind.FailedPrecondition,
            400 when code is "MALFORMED_QUERY" or "INVALID_QUERY_FILTER_OPERATOR" => ConnectorErrorKind.VendorProtocol,
            400 => ConnectorErrorKind.InvalidArgument,
            >= 500 => ConnectorErrorKind.VendorUnavailable,
            _ => ConnectorErrorKind.VendorProtocol,
        };
        var text =
            (int)status == 300
                ? "several Salesforce records match that external id"
                : VendorErrorText.Of("Salesforce", code, status, message);
        if (duplicate is not null)
        {
            text += $" (matches record {duplicate})";
        }

        return new ConnectorException(kind, text)
        {
            Vendor = SalesforceConnector.Name,
            Reason = code ?? (kind == ConnectorErrorKind.Conflict ? "MULTIPLE_CHOICES" : null),
            FieldViolations =
                kind == ConnectorErrorKind.InvalidArgument
                    ? [.. (fields.Count > 0 ? fields : ["lead"]).Select(f => new FieldViolation(f, message))]
                    : [],
        };
    }

    public static ConnectorException FromOAuth(string body)
    {
        string? error = null,
            description = null;
        try
        {
            var node = JsonNode.Parse(body);
            error = node?["error"]?.GetValue<string>();
            description = node?["error_description"]?.GetValue<string>();
        }
        catch (JsonException) { }

        return new ConnectorException(
            ConnectorErrorKind.VendorAuthentication,
            $"Salesforce refused the hub's credentials: {error} {description}".Trim()
        )
        {
            Vendor = SalesforceConnector.Name,
            Reason = error?.ToUpperInvariant() ?? "OAUTH_FAILED",
        };
    }
}
