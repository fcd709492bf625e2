namespace IntegrationHub.Routing.Policy;

/// <summary>
/// How much inbound work an SDR takes: Onboarding none, Ramping half the leads and no chats, Expert all.
/// </summary>
public enum RoutingLevel
{
    Onboarding,
    Ramping,
    Expert,
}

public static class RoutingLevelWeights
{
    /// <summary>Round-robin weight for live chats.</summary>
    public static int ForChats(this RoutingLevel level) => level == RoutingLevel.Expert ? 100 : 0;

    /// <summary>Round-robin weight for inbound leads.</summary>
    public static int ForLeads(this RoutingLevel level) =>
        level switch
        {
            RoutingLevel.Expert => 100,
            RoutingLevel.Ramping => 50,
            _ => 0,
        };
}
