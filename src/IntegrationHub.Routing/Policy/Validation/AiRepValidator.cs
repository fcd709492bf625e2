namespace IntegrationHub.Routing.Policy.Validation;

/// <summary><c>aiRep</c>: an enabled AI rep serves some experience.</summary>
internal static class AiRepValidator
{
    public static IEnumerable<string> Check(RoutingPolicy policy)
    {
        if (policy.AiRep.Enabled && policy.AiRep.Languages.Count == 0)
        {
            yield return "aiRep.languages: an enabled AI rep serves at least one language";
        }
    }
}
