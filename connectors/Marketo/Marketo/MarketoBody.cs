using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace IntegrationHub.Connectors.Marketo;

/// <summary>
/// Marketo's envelope: {requestId, success, errors[{code,message}], warnings[], result[]}.
/// Errors arrive with HTTP 200, and codes are quoted strings.
/// </summary>
internal sealed record MarketoBody(
    bool Success,
    string? ErrorCode,
    string? ErrorMessage,
    JsonArray Result,
    IReadOnlyList<string> Warnings
)
{
    public static MarketoBody? TryParse(string text)
    {
        try
        {
            var node = JsonNode.Parse(text);
            if (node?["success"] is not JsonValue success)
            {
                return null;
            }

            var error = (node["errors"] as JsonArray)?.FirstOrDefault();
            var code = error?["code"] switch
            {
                JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
                JsonValue v when v.GetValueKind() == JsonValueKind.Number => v.GetValue<int>()
                    .ToString(CultureInfo.InvariantCulture),
                _ => null,
            };
            var warnings = (node["warnings"] as JsonArray ?? []).Select(w => w?.ToString() ?? "").ToList();
            return new MarketoBody(
                success.GetValue<bool>(),
                code,
                error?["message"]?.GetValue<string>(),
                node["result"] as JsonArray ?? [],
                warnings
            );
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>Marketo's own timestamp format, "2015-05-21T22:45:13Z+0000", as well as plain ISO.</summary>
    public static DateTimeOffset? Time(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var cleaned = value.EndsWith("Z+0000", StringComparison.Ordinal) ? value[..^5] : value;
        return DateTimeOffset.TryParse(
            cleaned,
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal,
            out var t
        )
            ? t
            : null;
    }
}
