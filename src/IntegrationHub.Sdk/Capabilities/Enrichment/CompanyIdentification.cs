namespace IntegrationHub.Sdk.Capabilities.Enrichment;

/// <summary>How well the vendor matched an IP to a company.</summary>
public enum MatchStatus
{
    /// <summary>Not said (a vendor answer the connector could not place).</summary>
    Unspecified,

    /// <summary>The IP belongs to the company in <see cref="CompanyIdentification.Company"/>.</summary>
    Match,

    /// <summary>
    /// A company was found, but one the vendor marks as not worth acting on (an ISP, a hosting provider).
    /// </summary>
    NonActionable,

    /// <summary>The vendor knows no company for the IP; not an error.</summary>
    NoMatch,
}

/// <summary>The vendor's confidence in a match.</summary>
public enum MatchConfidence
{
    /// <summary>Not said.</summary>
    Unspecified,

    /// <summary>Low confidence.</summary>
    Low,

    /// <summary>Moderate confidence.</summary>
    Moderate,

    /// <summary>High confidence.</summary>
    High,

    /// <summary>Very high confidence.</summary>
    VeryHigh,
}

/// <summary>Where an account is in its buying journey for a product, by the vendor's intent model.</summary>
public enum BuyingStage
{
    /// <summary>Not said.</summary>
    Unspecified,

    /// <summary>In the target market, no intent seen yet.</summary>
    Target,

    /// <summary>Researching the problem.</summary>
    Awareness,

    /// <summary>Comparing solutions.</summary>
    Consideration,

    /// <summary>Choosing a vendor.</summary>
    Decision,

    /// <summary>Buying.</summary>
    Purchase,
}

/// <summary>How well an account fits the ideal customer profile for a product.</summary>
public enum ProfileFit
{
    /// <summary>Not said.</summary>
    Unspecified,

    /// <summary>A weak fit.</summary>
    Weak,

    /// <summary>A moderate fit.</summary>
    Moderate,

    /// <summary>A strong fit.</summary>
    Strong,
}

/// <summary>What reverse-IP lookup knows about a visitor's company.</summary>
/// <param name="MatchStatus">Whether the IP was matched to a company.</param>
/// <param name="Confidence">The vendor's confidence in the match.</param>
/// <param name="Company">The company's firmographics; null when nothing matched.</param>
/// <param name="ProductScores">Intent and fit per product, the primary product first; empty when not published.</param>
/// <param name="Segments">The vendor-side segments the company belongs to.</param>
public sealed record CompanyIdentification(
    MatchStatus MatchStatus,
    MatchConfidence Confidence,
    Firmographics? Company,
    IReadOnlyList<ProductScore> ProductScores,
    IReadOnlyList<CompanySegment> Segments
)
{
    /// <summary>The answer for an IP the vendor knows nothing about.</summary>
    public static CompanyIdentification NoMatch { get; } =
        new(MatchStatus.NoMatch, MatchConfidence.Unspecified, null, [], []);
}

/// <summary>A company's firmographics; an empty string or 0 where the vendor does not know.</summary>
/// <param name="Name">The company's name.</param>
/// <param name="Domain">Its primary web domain, lower case ("acme.com").</param>
/// <param name="CountryCode">ISO 3166-1 alpha-2 code of its country ("US"), never a country name.</param>
/// <param name="Country">The country's name.</param>
/// <param name="Region">The sales region the vendor puts it in ("EMEA").</param>
/// <param name="State">State or province.</param>
/// <param name="City">City.</param>
/// <param name="Industry">Industry, in the vendor's words.</param>
/// <param name="EmployeeRange">Employee band, in the vendor's words ("1,000 - 4,999").</param>
/// <param name="EmployeeCount">Employees, when the vendor gives a number.</param>
/// <param name="RevenueRange">Revenue band, in the vendor's words.</param>
/// <param name="AnnualRevenueUsd">Annual revenue in US dollars, when the vendor gives a number.</param>
/// <param name="Sic">SIC industry code.</param>
/// <param name="Naics">NAICS industry code.</param>
public sealed record Firmographics(
    string Name,
    string Domain,
    string CountryCode,
    string Country,
    string Region,
    string State,
    string City,
    string Industry,
    string EmployeeRange,
    long EmployeeCount,
    string RevenueRange,
    long AnnualRevenueUsd,
    string Sic,
    string Naics
);

/// <summary>The vendor's intent and fit scores for one product.</summary>
/// <param name="Product">The product's key at the vendor.</param>
/// <param name="ProductDisplayName">The product's name for people.</param>
/// <param name="IntentScore">Intent, 0 to 100.</param>
/// <param name="BuyingStage">Where the account is in its buying journey.</param>
/// <param name="ProfileScore">Fit, 0 to 100.</param>
/// <param name="ProfileFit">Fit, as a band.</param>
/// <param name="IsQualifiedAccount">Whether the vendor calls the account qualified for the product.</param>
public sealed record ProductScore(
    string Product,
    string ProductDisplayName,
    int IntentScore,
    BuyingStage BuyingStage,
    int ProfileScore,
    ProfileFit ProfileFit,
    bool IsQualifiedAccount
);

/// <summary>A vendor-side segment (a saved list of accounts).</summary>
/// <param name="Id">The segment's id at the vendor.</param>
/// <param name="Name">The segment's name.</param>
public sealed record CompanySegment(long Id, string Name);
