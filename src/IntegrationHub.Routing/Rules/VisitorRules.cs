using IntegrationHub.Routing.Policy;

namespace IntegrationHub.Routing.Rules;

/// <summary>The rules by name, tried in the policy's order.</summary>
public static class VisitorRules
{
    private static readonly IReadOnlyDictionary<string, IVisitorRule> ByName = new IVisitorRule[]
    {
        new ClickThroughRule(),
        new ActivelySequencedRule(),
        new PublicSectorRule(),
        new ActivelyWorkingAccountRule(),
        new LanguageRule(),
        new GeoPoolRule(),
    }.ToDictionary(r => r.Name, StringComparer.Ordinal);

    public static IEnumerable<IVisitorRule> InOrder(RoutingPolicy policy) =>
        policy.VisitorRules.Select(name => ByName[name]);
}
