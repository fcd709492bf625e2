using System.Net;
using IntegrationHub.Contracts.Routing.V1;
using IntegrationHub.Sdk.Capabilities.Enrichment;
using IntegrationHub.Sdk.Sandbox;

namespace IntegrationHub.Bench.Figures;

/// <summary>
/// Visitors from the demo world's companies: each company's office address, or a fresh one from its range.
/// </summary>
public sealed class Visitors
{
    private readonly List<(IPAddress Network, string Domain)> _companies;

    public Visitors(SandboxSeed seed) =>
        _companies = [
            .. seed
                .Companies.Where(c =>
                    c.Identification is { MatchStatus: MatchStatus.Match, Company.Domain.Length: > 0 }
                )
                .Select(c =>
                    (
                        Network: IPNetwork
                            .Parse(c.IpRanges.First(r => !r.Contains(':', StringComparison.Ordinal)))
                            .BaseAddress,
                        c.Identification.Company!.Domain
                    )
                ),
        ];

    public int Companies => _companies.Count;

    /// <summary>
    /// The office (NAT) address of company <paramref name="company"/>: every visitor from it shares this one.
    /// </summary>
    public RouteVisitorRequest FromOffice(int company, int n) => Request(Host(company, 1), n, email: null);

    /// <summary>
    /// A visitor with an email, from an address not seen before (host <paramref name="n"/> of the company's /28).
    /// </summary>
    public RouteVisitorRequest Fresh(int n)
    {
        var company = n % _companies.Count;
        var host = 2 + (n / _companies.Count % 13);
        return Request(Host(company, host), n, $"visitor{n}@{_companies[company].Domain}");
    }

    private IPAddress Host(int company, int host)
    {
        var bytes = _companies[company % _companies.Count].Network.GetAddressBytes();
        bytes[^1] = (byte)(bytes[^1] + host);
        return new IPAddress(bytes);
    }

    private static RouteVisitorRequest Request(IPAddress ip, int n, string? email) =>
        new()
        {
            RequestId = $"bench-{Guid.NewGuid():N}-{n}",
            IpAddress = ip.ToString(),
            PageUrl = "https://www.example.com/pricing",
            Email = email ?? "",
        };
}
