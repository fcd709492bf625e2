using IntegrationHub.Contracts.Routing.V1;
using IntegrationHub.Hub.Caps;
using IntegrationHub.Routing.Policy;

namespace IntegrationHub.Server.RoutingApi;

/// <summary>A rep's caps and the work counted against them, as ListReps answers them.</summary>
internal static class CapStandingContract
{
    public static RepPresence WithCaps(this RepPresence contract, RepDefinition rep, IReadOnlyList<CapStanding>? caps)
    {
        contract.Caps.AddRange(
            (caps ?? []).Select(c => new RepCapStanding
            {
                Work = c.Channel == WorkChannel.Lead ? "leads" : "chats",
                Period = c.Period == WorkPeriod.Day ? "day" : "week",
                Limit = c.Limit,
                Taken = c.Taken,
                Pool = c.Pool ?? "",
                TimeZone = rep.TimeZone,
            })
        );
        return contract;
    }
}
