namespace PartnerName.Connector.Fake;

/// <summary>
/// The demo world the fake answers with in a sandbox hub and in the tests. Documentation address ranges
/// (RFC 5737), so no real visitor is ever taken for a demo company.
/// </summary>
public static class PartnerNameSandboxSeed
{
    /// <summary>A visitor address inside <see cref="Companies"/>' first company.</summary>
    public const string KnownVisitorIp = "198.51.100.77";

    /// <summary>The companies of the demo world.</summary>
    public static IReadOnlyList<SeedCompany> Companies { get; } =
    [
        new(
            ["198.51.100.0/24"],
            "Kiwi Orchard Analytics",
            "kiwi-orchard.example",
            "NZ",
            "New Zealand",
            "APAC",
            "Wellington",
            "Software",
            240
        ),
        new(
            ["192.0.2.0/25"],
            "Fjord Freight",
            "fjord-freight.example",
            "NO",
            "Norway",
            "EMEA",
            "Bergen",
            "Logistics",
            1200
        ),
    ];
}
