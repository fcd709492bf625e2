using IntegrationHub.Routing.Policy.Validation;

namespace IntegrationHub.Routing.Policy;

/// <summary>
/// Checks a policy as a whole and lists every problem with its path in the file
/// (<c>pools[2].members[0]</c>), so an operator fixes them all in one go. Each section of the
/// file has its validator (<c>Validation/</c>); problems come in the order of the sections.
/// </summary>
public static class PolicyValidator
{
    private static readonly Func<RoutingPolicy, IEnumerable<string>>[] Sections =
    [
        RepsValidator.Check,
        PoolsValidator.Check,
        CapsValidator.Check,
        RegionsValidator.Check,
        LocalePrefixesValidator.Check,
        VisitorRulesValidator.Check,
        PubSecPoolValidator.Check,
        TimeoutsValidator.Check,
        AiRepValidator.Check,
        MeetingOfferValidator.Check,
        LeadsValidator.Check,
        AvailabilityValidator.Check,
    ];

    public static IReadOnlyList<string> Validate(RoutingPolicy policy) =>
        [.. Sections.SelectMany(check => check(policy))];
}
