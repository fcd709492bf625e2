using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using IntegrationHub.Sdk.Capabilities.Enrichment;
using IntegrationHub.Sdk.Errors;

namespace IntegrationHub.Connectors.SixSense;

/// <summary>
/// Reads the Company Identification body as 6sense really sends it: counts and revenue as
/// strings, blank strings, scores one per product, scores and segments missing when not
/// published to the token. Unknown values read as Unspecified rather than failing.
/// </summary>
internal static class SixSenseCompanyParser
{
    public static CompanyIdentification Parse(string body, string? primaryProduct)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(body);
        }
        catch (JsonException ex)
        {
            throw new ConnectorException(ConnectorErrorKind.VendorProtocol, "6sense sent a body that is not JSON.", ex)
            {
                Vendor = SixSenseConnector.Name,
            };
        }

        var company = root?["company"];
        var status = Text(company, "company_match") switch
        {
            "Match" => MatchStatus.Match,
            "Non-actionable Match" => MatchStatus.NonActionable,
            _ => MatchStatus.NoMatch,
        };
        if (company is null || status == MatchStatus.NoMatch)
        {
            return CompanyIdentification.NoMatch;
        }

        var firmographics = new Firmographics(
            Text(company, "name"),
            Text(company, "domain").ToLowerInvariant(),
            Text(company, "country_iso_code").ToUpperInvariant(),
            Text(company, "country"),
            Text(company, "region"),
            Text(company, "state"),
            Text(company, "city"),
            Text(company, "industry"),
            Text(company, "employee_range"),
            Number(company, "employee_count"),
            Text(company, "revenue_range"),
            Number(company, "annual_revenue"),
            Text(company, "sic"),
            Text(company, "naics")
        );
        var scores = (root?["scores"] as JsonArray ?? [])
            .OfType<JsonObject>()
            .Select(s => new ProductScore(
                Text(s, "product"),
                Text(s, "product_display_name"),
                (int)Number(s, "intent_score"),
                Stage(Text(s, "buying_stage")),
                (int)Number(s, "profile_score"),
                Fit(Text(s, "profile_fit")),
                s["is_6qa"]?.GetValueKind() == JsonValueKind.True
            ))
            .OrderBy(s => s.Product == primaryProduct ? 0 : 1)
            .ToList();
        var segments = (root?["segments"]?["list"] as JsonArray ?? [])
            .OfType<JsonObject>()
            .Select(s => new CompanySegment(Number(s, "id"), Text(s, "name")))
            .ToList();
        return new CompanyIdentification(status, Confidence(Text(root, "confidence")), firmographics, scores, segments);
    }

    private static string Text(JsonNode? node, string name) =>
        node?[name] is JsonValue value && value.GetValueKind() == JsonValueKind.String
            ? value.GetValue<string>().Trim()
            : node?[name]?.ToJsonString().Trim('"') ?? "";

    /// <summary>6sense sends numbers as strings ("2300"), sometimes blank; both forms are read.</summary>
    private static long Number(JsonNode? node, string name) =>
        long.TryParse(
            Text(node, name).Replace(",", "", StringComparison.Ordinal),
            NumberStyles.Integer,
            CultureInfo.InvariantCulture,
            out var n
        )
            ? n
        : double.TryParse(Text(node, name), NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? (long)d
        : 0;

    private static MatchConfidence Confidence(string value) =>
        value switch
        {
            "Very High" => MatchConfidence.VeryHigh,
            "High" => MatchConfidence.High,
            "Moderate" => MatchConfidence.Moderate,
            "Low" => MatchConfidence.Low,
            _ => MatchConfidence.Unspecified,
        };

    private static BuyingStage Stage(string value) =>
        value switch
        {
            "Target" => BuyingStage.Target,
            "Awareness" => BuyingStage.Awareness,
            "Consideration" => BuyingStage.Consideration,
            "Decision" => BuyingStage.Decision,
            "Purchase" => BuyingStage.Purchase,
            _ => BuyingStage.Unspecified,
        };

    private static ProfileFit Fit(string value) =>
        value switch
        {
            "Strong" => ProfileFit.Strong,
            "Moderate" => ProfileFit.Moderate,
            "Weak" => ProfileFit.Weak,
            _ => ProfileFit.Unspecified,
        };
}
