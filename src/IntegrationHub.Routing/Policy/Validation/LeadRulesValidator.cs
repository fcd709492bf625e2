using IntegrationHub.Routing.Leads;

namespace IntegrationHub.Routing.Policy.Validation;

/// <summary>
/// <c>leads.rules</c>: known rules, each once, opening with the submission checks and closing with the two that decide
/// every lead.
/// </summary>
internal static class LeadRulesValidator
{
    private const string Path = "leads.rules";

    private static readonly Dictionary<string, string> NotOrdered = new(StringComparer.Ordinal)
    {
        [LeadRuleNames.RelatedLeads] = "is not listed: it follows whichever rule sends the lead to the SDR team",
    };

    public static IEnumerable<string> Check(RoutingPolicy policy)
    {
        var rules = policy.Leads.Rules;
        foreach (var problem in RuleOrderValidator.Check(Path, rules, LeadRuleNames.All, NotOrdered))
        {
            yield return problem;
        }

        if (!rules.Take(LeadRuleNames.Opening.Count).SequenceEqual(LeadRuleNames.Opening, StringComparer.Ordinal))
        {
            yield return $"{Path}: must start with {string.Join(", ", LeadRuleNames.Opening)}, "
                + "so that spam and leads below the MQL threshold stop before the CRM is asked";
        }

        if (!rules.TakeLast(LeadRuleNames.Closing.Count).SequenceEqual(LeadRuleNames.Closing, StringComparer.Ordinal))
        {
            yield return $"{Path}: must end with {string.Join(", ", LeadRuleNames.Closing)}, "
                + "which together decide every lead that gets that far";
        }
    }
}
