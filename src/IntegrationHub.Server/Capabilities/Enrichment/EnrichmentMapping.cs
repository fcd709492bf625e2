using IntegrationHub.Sdk.Capabilities.Enrichment;
using C = IntegrationHub.Contracts.Enrichment.V1;

namespace IntegrationHub.Server.Capabilities.Enrichment;

/// <summary>
/// Enrichment records ↔ the enrichment contract, both ways (the remote connector reads the contract).
/// </summary>
public static class EnrichmentMapping
{
    public static C.CompanyIdentification ToContract(this CompanyIdentification d)
    {
        var c = new C.CompanyIdentification
        {
            MatchStatus = (C.MatchStatus)(int)d.MatchStatus,
            Confidence = (C.MatchConfidence)(int)d.Confidence,
            Company = d.Company?.ToContract(),
        };
        c.ProductScores.AddRange(
            d.ProductScores.Select(s => new C.ProductScore
            {
                Product = s.Product,
                ProductDisplayName = s.ProductDisplayName,
                IntentScore = s.IntentScore,
                BuyingStage = (C.BuyingStage)(int)s.BuyingStage,
                ProfileScore = s.ProfileScore,
                ProfileFit = (C.ProfileFit)(int)s.ProfileFit,
                IsQualifiedAccount = s.IsQualifiedAccount,
            })
        );
        c.Segments.AddRange(d.Segments.Select(s => new C.Segment { Id = s.Id, Name = s.Name }));
        return c;
    }

    public static CompanyIdentification ToDomain(this C.CompanyIdentification c) =>
        new(
            Enum.IsDefined((MatchStatus)(int)c.MatchStatus) ? (MatchStatus)(int)c.MatchStatus : MatchStatus.Unspecified,
            Enum.IsDefined((MatchConfidence)(int)c.Confidence)
                ? (MatchConfidence)(int)c.Confidence
                : MatchConfidence.Unspecified,
            c.Company?.ToDomain(),
            [
                .. c.ProductScores.Select(s => new ProductScore(
                    s.Product,
                    s.ProductDisplayName,
                    s.IntentScore,
                    Enum.IsDefined((BuyingStage)(int)s.BuyingStage)
                        ? (BuyingStage)(int)s.BuyingStage
                        : BuyingStage.Unspecified,
                    s.ProfileScore,
                    Enum.IsDefined((ProfileFit)(int)s.ProfileFit)
                        ? (ProfileFit)(int)s.ProfileFit
                        : ProfileFit.Unspecified,
                    s.IsQualifiedAccount
                )),
            ],
            [.. c.Segments.Select(s => new CompanySegment(s.Id, s.Name))]
        );

    private static C.Firmographics ToContract(this Firmographics f) =>
        new()
        {
            Name = f.Name,
            Domain = f.Domain,
            CountryCode = f.CountryCode,
            Country = f.Country,
            Region = f.Region,
            State = f.State,
            City = f.City,
            Industry = f.Industry,
            EmployeeRange = f.EmployeeRange,
            EmployeeCount = f.EmployeeCount,
            RevenueRange = f.RevenueRange,
            AnnualRevenueUsd = f.AnnualRevenueUsd,
            Sic = f.Sic,
            Naics = f.Naics,
        };

    private static Firmographics ToDomain(this C.Firmographics f) =>
        new(
            f.Name,
            f.Domain,
            f.CountryCode,
            f.Country,
            f.Region,
            f.State,
            f.City,
            f.Industry,
            f.EmployeeRange,
            f.EmployeeCount,
            f.RevenueRange,
            f.AnnualRevenueUsd,
            f.Sic,
            f.Naics
        );
}
