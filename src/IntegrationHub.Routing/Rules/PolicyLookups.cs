using IntegrationHub.Routing.Facts;
using IntegrationHub.Routing.Policy;

namespace IntegrationHub.Routing.Rules;

/// <summary>Questions rules ask of the policy.</summary>
public static class PolicyLookups
{
    public static RepDefinition? RepById(this RoutingPolicy policy, string? id) =>
        id is null ? null : policy.Reps.FirstOrDefault(r => string.Equals(r.Id, id, StringComparison.Ordinal));

    public static RepDefinition? RepByEmail(this RoutingPolicy policy, string? email) =>
        string.IsNullOrWhiteSpace(email)
            ? null
            : policy.Reps.FirstOrDefault(r => string.Equals(r.Email, email, StringComparison.OrdinalIgnoreCase));

    public static PoolDefinition? Pool(this RoutingPolicy policy, string name) =>
        policy.Pools.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.Ordinal));

    public static PoolDefinition? GeoPool(this RoutingPolicy policy, string region) =>
        policy.Pools.FirstOrDefault(p =>
            p.Kind == PoolKind.Geo && string.Equals(p.Region, region, StringComparison.Ordinal)
        );

    public static PoolDefinition? LanguagePool(this RoutingPolicy policy, string language) =>
        policy.Pools.FirstOrDefault(p =>
            p.Kind == PoolKind.Language && string.Equals(p.Language, language, StringComparison.Ordinal)
        );

    public static PoolDefinition? PubSecPool(this RoutingPolicy policy) =>
        policy.Pools.FirstOrDefault(p => p.Kind == PoolKind.PubSec);

    /// <summary>The visitor's sales region: from the company's (or account's) country, else the default.</summary>
    public static string RegionOf(this RoutingPolicy policy, VisitorFacts facts) => policy.RegionOf(facts.CountryCode);

    /// <summary>The sales region of a country, else the default.</summary>
    public static string RegionOf(this RoutingPolicy policy, string? countryCode) =>
        countryCode is { Length: > 0 } c && policy.RegionsByCountry.TryGetValue(c.ToUpperInvariant(), out var region)
            ? region
            : policy.DefaultRegion;

    /// <summary>Why a fact is unknown, for a rule's Undecided or NotMatched reason.</summary>
    public static string Unknown(SourceReport report) => report.WhyUnknown;

    public static bool SourceBroken(SourceReport report) => report.Broken;
}
