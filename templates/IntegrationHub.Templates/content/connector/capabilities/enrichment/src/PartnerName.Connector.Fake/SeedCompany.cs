namespace PartnerName.Connector.Fake;

/// <summary>A company the fake knows, and the IP ranges (CIDR) its visitors come from.</summary>
public sealed record SeedCompany(
    IReadOnlyList<string> IpRanges,
    string Name,
    string Domain,
    string CountryCode,
    string Country,
    string Region,
    string City,
    string Industry,
    long Employees
);
