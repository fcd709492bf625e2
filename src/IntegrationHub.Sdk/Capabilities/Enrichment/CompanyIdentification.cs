namespace IntegrationHub.Sdk.Capabilities.Enrichment;

public enum MatchStatus
{
    Unspecified,
    Match,
    NonActionable,
    NoMatch,
}

public enum MatchConfidence
{
    Unspecified,
    Low,
    Moderate,
    High,
    VeryHigh,
}

public enum BuyingStage
{
    Unspecified,
    Target,
    Awareness,
    Consideration,
    Decision,
    Purchase,
}

public enum ProfileFit
{
    Unspecified,
    Weak,
    Moderate,
    Strong,
}

/// <summary>What reverse-IP lookup knows about a visitor's company.</summary>
public sealed record CompanyIdentification(
    MatchStatus MatchStatus,
    MatchConfidence Confidence,
    Firmographics? Company,
    IReadOnlyList<ProductScore> ProductScores,
    IReadOnlyList<CompanySegment> Segments
)
{
    public static CompanyIdentification NoMatch { get; } =
        new(MatchStatus.NoMatch, MatchConfidence.Unspecified, null, [], []);
}

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

public sealed record ProductScore(
    string Product,
    string ProductDisplayName,
    int IntentScore,
    BuyingStage BuyingStage,
    int ProfileScore,
    ProfileFit ProfileFit,
    bool IsQualifiedAccount
);

public sealed record CompanySegment(long Id, string Name);
