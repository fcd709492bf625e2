using IntegrationHub.Routing.Policy;

namespace IntegrationHub.Routing.Leads.Rules;

/// <summary>The ordered lead rules by name, tried in the policy's order.</summary>
internal static class LeadRules
{
    private static readonly IReadOnlyDictionary<string, ILeadRule> ByName = new ILeadRule[]
    {
        new SpamRule(),
        new MqlThresholdRule(),
        new PartnerProspectingRule(),
        new CustomerConversionRule(),
        new PublicSectorLeadRule(),
        new AccountStatusRule(),
        new NoAccountRule(),
    }.ToDictionary(r => r.Name, StringComparer.Ordinal);

    public static IEnumerable<ILeadRule> InOrder(RoutingPolicy policy) =>
        policy.Leads.Rules.Select(name => ByName[name]);
}
