using IntegrationHub.Routing.Facts;
using IntegrationHub.Routing.Policy;

namespace IntegrationHub.Routing.Rules;

/// <summary>Rule 6: everyone else goes round robin to the SDR pool of the visitor's region.</summary>
public sealed class GeoPoolRule : IVisitorRule
{
    public string Name => VisitorRuleNames.GeoPool;

    public RuleVerdict Evaluate(VisitorFacts facts, RoutingPolicy policy)
    {
        var region = policy.RegionOf(facts);
        var country = facts.CountryCode;
        Fact[] read =
        [
            new(
                "visitor.country_code",
                country ?? "",
                facts.Company.Value?.Company is not null
                    ? facts.Company.Report.Capability
                    : facts.Account.Report.Capability
            ),
            new("visitor.region", region, "policy"),
        ];
        var why = country is null ? $"{CountryUnknown(facts)}, default region {region}" : $"{country} is in {region}";
        return policy.GeoPool(region) is { } pool
            ? new RuleVerdict(
                Name,
                RuleOutcome.Matched,
                $"{why}: round robin in {pool.Name}",
                read,
                new PoolTarget(pool.Name)
            )
            : new RuleVerdict(Name, RuleOutcome.NotMatched, $"no geo pool serves {region}", read);
    }

    /// <summary>Unknown because a source failed says which and why: the default region is then a fallback.</summary>
    private static string CountryUnknown(VisitorFacts facts) =>
        new[] { facts.Company.Report, facts.Account.Report }.FirstOrDefault(r => r.Broken) is { } missing
            ? $"country unknown ({missing.WhyUnknown})"
            : "country unknown";
}
