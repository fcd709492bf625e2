using System.Globalization;
using System.Net;
using IntegrationHub.Sdk.Capabilities.Enrichment;
using IntegrationHub.Sdk.FakeKit;
using IntegrationHub.Sdk.Sandbox;

namespace IntegrationHub.Connectors.SixSense.Fake;

/// <summary>
/// A fake of 6sense Company Identification: token auth (Token scheme, one API group),
/// companies by IP range, numbers as strings, scores and segments only when published,
/// 404 for unknown IPs, a sticky 402 when credits run out, and 429 with no rate headers
/// past a per-minute budget.
/// </summary>
public sealed class SixSenseFake(TimeProvider? time = null) : VendorFake(time)
{
    public const string ValidToken = "sandbox6sensetoken000000000000000000000";
    public const string OtherGroupToken = "segments0token0000000000000000000000000";

    private readonly Lock _lock = new();
    private IpRanges<CompanyIdentification> _companies = new([]);
    private (long Minute, int Calls) _window;

    /// <summary>Calls allowed per minute before 429 (6sense: about 100).</summary>
    public int CallsPerMinute { get; set; } = 100;

    /// <summary>Whether scores and segments are published to the token (off by default at 6sense).</summary>
    public bool ScoresPublished { get; set; } = true;

    /// <summary>While true, every call gets 402 (credits exhausted), as it stays until the next cycle.</summary>
    public bool CreditsExhausted { get; set; }

    public void Seed(IEnumerable<SeedCompany> companies) =>
        _companies = new IpRanges<CompanyIdentification>(
            companies.SelectMany(c => c.IpRanges.Select(r => (r, c.Identification)))
        );

    protected override Task<FakeResponse> HandleVendorAsync(FakeRequest request) => Task.FromResult(Answer(request));

    private FakeResponse Answer(FakeRequest request)
    {
        if (!request.Is("GET", "/v3/company/details"))
        {
            return FakeResponse.Json(404, new { status = "error", message = "Not Found" });
        }

        var auth = request.Header("Authorization") ?? "";
        if (auth != "Token " + ValidToken)
        {
            return FakeResponse.Json(
                401,
                new
                {
                    status = "error",
                    message = auth.StartsWith("Bearer", StringComparison.Ordinal)
                        ? "Authorization must use the Token scheme"
                        : "Invalid token",
                }
            );
        }

        if (CreditsExhausted)
        {
            return CreditsGone();
        }

        if (!WithinBudget())
        {
            var minute = Time.GetUtcNow().ToUnixTimeSeconds() / 60;
            return Throttled(DateTimeOffset.FromUnixTimeSeconds((minute + 1) * 60) - Time.GetUtcNow());
        }

        if (!IPAddress.TryParse(request.QueryValue("ip") ?? "", out var ip))
        {
            return RequestRefused(request);
        }

        return _companies.TryFind(ip, out var company)
            ? FakeResponse.Json(200, Body(company))
            : FakeResponse.Json(404, new { status = "error", message = "No Match" });
    }

    /// <summary>6sense's error body ({"status":"error","message":…}) with a 503: no code to branch on.</summary>
    protected override FakeResponse Outage() =>
        FakeResponse.Json(503, new { status = "error", message = "Service Unavailable" });

    /// <summary>6sense's sticky 402 once the API credits of the cycle are spent.</summary>
    protected override FakeResponse QuotaSpent(FakeRequest request) => CreditsGone();

    /// <summary>6sense's 401 for a token it does not know (or of another API group).</summary>
    protected override FakeResponse CredentialsRefused(FakeRequest request) =>
        FakeResponse.Json(401, new { status = "error", message = "Invalid token" });

    /// <summary>6sense's 400, its error body carrying only a message.</summary>
    protected override FakeResponse RequestRefused(FakeRequest request) =>
        FakeResponse.Json(400, new { status = "error", message = "ip must be an IPv4 or IPv6 address" });

    /// <summary>
    /// 6sense throttles with a bare 429 in its error body: no Retry-After and no X-RateLimit-* headers, so the caller
    /// learns nothing of <paramref name="retryAfter"/> and has to back off on its own.
    /// </summary>
    protected override FakeResponse Throttled(TimeSpan retryAfter) =>
        FakeResponse.Json(429, new { status = "error", message = "Too Many Requests" });

    private static FakeResponse CreditsGone() =>
        FakeResponse.Json(402, new { status = "error", message = "API credit quota exhausted" });

    private bool WithinBudget()
    {
        var minute = Time.GetUtcNow().ToUnixTimeSeconds() / 60;
        lock (_lock)
        {
            _window = _window.Minute == minute ? (minute, _window.Calls + 1) : (minute, 1);
            return _window.Calls <= CallsPerMinute;
        }
    }

    /// <summary>The body as 6sense shapes it: snake_case, numbers as strings, blanks for unknowns.</summary>
    private Dictionary<string, object?> Body(CompanyIdentification identified)
    {
        var c = identified.Company!;
        var body = new Dictionary<string, object?>
        {
            ["company"] = new Dictionary<string, object?>
            {
                ["company_match"] =
                    identified.MatchStatus == MatchStatus.NonActionable ? "Non-actionable Match" : "Match",
                ["additional_comment"] = "Company name or domain match was found",
                ["domain"] = c.Domain,
                ["name"] = c.Name,
                ["region"] = c.Region,
                ["country"] = c.Country,
                ["country_iso_code"] = c.CountryCode,
                ["state"] = c.State,
                ["state_code"] = "",
                ["city"] = c.City,
                ["zip"] = "",
                ["address"] = "",
                ["phone"] = "",
                ["industry"] = c.Industry,
                ["industry_v2"] = new[] { new { industry = c.Industry, subindustry = "" } },
                ["employee_range"] = c.EmployeeRange,
                ["employee_count"] = c.EmployeeCount == 0 ? "" : c.EmployeeCount.ToString(CultureInfo.InvariantCulture),
                ["revenue_range"] = c.RevenueRange,
                ["annual_revenue"] =
                    c.AnnualRevenueUsd == 0 ? "" : c.AnnualRevenueUsd.ToString(CultureInfo.InvariantCulture),
                ["sic"] = c.Sic,
                ["sic_description"] = "",
                ["naics"] = c.Naics,
                ["naics_description"] = "",
                ["is_blacklisted"] = false,
                ["is_6qa"] = identified.ProductScores.Any(s => s.IsQualifiedAccount),
                ["geoIP_country"] = c.Country,
                ["geoIP_state"] = c.State,
                ["geoIP_city"] = c.City,
            },
            ["confidence"] = identified.Confidence switch
            {
                MatchConfidence.VeryHigh => "Very High",
                MatchConfidence.High => "High",
                MatchConfidence.Moderate => "Moderate",
                _ => "Low",
            },
        };
        if (ScoresPublished)
        {
            body["scores"] = identified
                .ProductScores.Select(s => new Dictionary<string, object?>
                {
                    ["is_6qa"] = s.IsQualifiedAccount,
                    ["product"] = s.Product,
                    ["product_display_name"] = s.ProductDisplayName,
                    ["intent_score"] = s.IntentScore,
                    ["buying_stage"] = s.BuyingStage.ToString(),
                    ["profile_score"] = s.ProfileScore,
                    ["profile_fit"] = s.ProfileFit.ToString(),
                })
                .ToList();
            body["segments"] = new
            {
                ids = identified.Segments.Select(s => s.Id),
                names = identified.Segments.Select(s => s.Name),
                list = identified.Segments.Select(s => new { id = s.Id, name = s.Name }),
            };
        }

        return body;
    }
}
