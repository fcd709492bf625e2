using System.Net;
using IntegrationHub.Sdk.FakeKit;

namespace PartnerName.Connector.Fake;

/// <summary>
/// A fake of the PartnerName API: <c>GET /v1/companies/lookup?ip=</c> with an <c>X-Api-Key</c>, companies by IP
/// range, 404 for an unknown IP, 401 for a wrong key. Outage and throttling answers come from FakeKit.
/// </summary>
public sealed class PartnerNameFake(TimeProvider? time = null) : VendorFake(time)
{
    /// <summary>The only key the fake accepts.</summary>
    public const string ValidApiKey = "sandbox-partnername-key";

    private IpRanges<SeedCompany> _companies = new([]);

    /// <summary>Replaces the companies the fake knows.</summary>
    public void Seed(IEnumerable<SeedCompany> companies) =>
        _companies = new IpRanges<SeedCompany>(companies.SelectMany(c => c.IpRanges.Select(r => (r, c))));

    /// <summary>The vendor's answer once the month's lookup credits are spent: 402, until the next month.</summary>
    protected override FakeResponse QuotaSpent(FakeRequest request) =>
        FakeResponse.Json(402, new { error = "credits_exhausted" });

    /// <summary>A key the vendor does not accept, as the vendor says it.</summary>
    protected override FakeResponse CredentialsRefused(FakeRequest request) =>
        FakeResponse.Json(401, new { error = "invalid_api_key" });

    /// <summary>A request the vendor finds bad, as the vendor says it.</summary>
    protected override FakeResponse RequestRefused(FakeRequest request) =>
        FakeResponse.Json(400, new { error = "bad_request" });

    /// <inheritdoc />
    protected override Task<FakeResponse> HandleVendorAsync(FakeRequest request) => Task.FromResult(Answer(request));

    private FakeResponse Answer(FakeRequest request)
    {
        if (!request.Is("GET", "/v1/companies/lookup"))
        {
            return FakeResponse.Json(404, new { error = "no_such_endpoint" });
        }

        if (request.Header("X-Api-Key") != ValidApiKey)
        {
            return FakeResponse.Json(401, new { error = "invalid_api_key" });
        }

        if (!IPAddress.TryParse(request.QueryValue("ip") ?? "", out var ip))
        {
            return FakeResponse.Json(400, new { error = "ip must be an IPv4 or IPv6 address" });
        }

        return _companies.TryFind(ip, out var company)
            ? FakeResponse.Json(
                200,
                new Dictionary<string, object?>
                {
                    ["name"] = company.Name,
                    ["domain"] = company.Domain,
                    ["country_code"] = company.CountryCode,
                    ["country"] = company.Country,
                    ["region"] = company.Region,
                    ["city"] = company.City,
                    ["industry"] = company.Industry,
                    ["employees"] = company.Employees,
                }
            )
            : FakeResponse.Json(404, new { error = "no_match" });
    }
}
