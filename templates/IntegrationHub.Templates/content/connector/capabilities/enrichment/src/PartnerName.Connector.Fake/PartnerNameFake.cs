using System.Net;
using IntegrationHub.Sdk.FakeKit;

namespace PartnerName.Connector.Fake;

/// <summary>
/// A fake of the PartnerName API: <c>GET /v1/companies/lookup?ip=</c> with an <c>X-Api-Key</c>, companies by IP
/// range, 404 for an unknown IP.
/// </summary>
public sealed class PartnerNameFake(TimeProvider? time = null) : PartnerNameApi(time)
{
    private IpRanges<SeedCompany> _companies = new([]);

    /// <summary>Replaces the companies the fake knows.</summary>
    public void Seed(IEnumerable<SeedCompany> companies) =>
        _companies = new IpRanges<SeedCompany>(companies.SelectMany(c => c.IpRanges.Select(r => (r, c))));

    /// <summary>The sandbox hub's demo world (the companies of <see cref="PartnerNameSandboxSeed"/>).</summary>
    public void SeedDemoWorld(DateTimeOffset now) => Seed(PartnerNameSandboxSeed.Companies);

    /// <inheritdoc />
    protected override FakeResponse Answer(FakeRequest request)
    {
        if (!request.Is("GET", "/v1/companies/lookup"))
        {
            return Error(404, "no_such_endpoint");
        }

        if (!IPAddress.TryParse(request.QueryValue("ip") ?? "", out var ip))
        {
            return Error(400, "ip must be an IPv4 or IPv6 address", "ip");
        }

        return _companies.TryFind(ip, out var company)
            ? Json(
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
            : Error(404, "no_match");
    }
}
