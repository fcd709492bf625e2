namespace IntegrationHub.Routing.Policy.Validation;

/// <summary>
/// <c>acceptTimeout</c> and <c>factDeadline</c>: long enough to be met, short enough for a live visitor.
/// </summary>
internal static class TimeoutsValidator
{
    public static IEnumerable<string> Check(RoutingPolicy policy)
    {
        if (policy.AcceptTimeout < TimeSpan.FromSeconds(1) || policy.AcceptTimeout > TimeSpan.FromMinutes(10))
        {
            yield return "acceptTimeout: must be between 00:00:01 and 00:10:00";
        }

        if (policy.FactDeadline < TimeSpan.FromMilliseconds(50) || policy.FactDeadline > TimeSpan.FromSeconds(30))
        {
            yield return "factDeadline: must be between 00:00:00.05 and 00:00:30";
        }
    }
}
