using IntegrationHub.Routing.Facts;
using IntegrationHub.Routing.Policy;

namespace IntegrationHub.Routing.Rules;

/// <summary>Rule 5: a non-English experience goes round robin to the members who speak its language.</summary>
public sealed class LanguageRule : IVisitorRule
{
    public string Name => VisitorRuleNames.Language;

    public RuleVerdict Evaluate(VisitorFacts facts, RoutingPolicy policy)
    {
        Fact[] read = [new("page.language", facts.Language, "page_url")];
        if (facts.Language == PageLocale.English)
        {
            return new RuleVerdict(Name, RuleOutcome.NotMatched, "English experience", read);
        }

        return policy.LanguagePool(facts.Language) is { } pool
            ? new RuleVerdict(
                Name,
                RuleOutcome.Matched,
                $"{facts.Language} experience: round robin in {pool.Name}",
                read,
                new PoolTarget(pool.Name)
            )
            : new RuleVerdict(Name, RuleOutcome.NotMatched, $"no language pool serves {facts.Language}", read);
    }
}
