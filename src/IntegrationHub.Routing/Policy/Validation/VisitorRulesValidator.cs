namespace IntegrationHub.Routing.Policy.Validation;

/// <summary><c>visitorRules</c>: known rules, each once, in the order they are tried.</summary>
internal static class VisitorRulesValidator
{
    public static IEnumerable<string> Check(RoutingPolicy policy) =>
        RuleOrderValidator.Check("visitorRules", policy.VisitorRules, VisitorRuleNames.All);
}
