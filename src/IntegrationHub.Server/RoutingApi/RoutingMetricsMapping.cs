using Google.Protobuf.WellKnownTypes;
using IntegrationHub.Contracts.Routing.V1;
using IntegrationHub.Hub.Decisions;

namespace IntegrationHub.Server.RoutingApi;

/// <summary>A window's counted figures (offers, loads, decisions per hour) into GetRoutingMetrics' answer.</summary>
internal static class RoutingMetricsMapping
{
    public static void AddCounts(this GetRoutingMetricsResponse response, RoutingFigures figures)
    {
        response.OffersAccepted = figures.Offers.GetValueOrDefault(DecisionTally.Accepted);
        response.OffersDeclined = figures.Offers.GetValueOrDefault(DecisionTally.Declined);
        response.OffersExpired = figures.Offers.GetValueOrDefault(DecisionTally.Expired);
        response.DecisionsPerHour.AddRange(
            figures.DecisionsPerHour.Select(h => new HourlyDecisions
            {
                HourStartTime = Timestamp.FromDateTimeOffset(h.Hour),
                Rule = h.Rule,
                Decisions = h.Decisions,
            })
        );
        response.RepDecisions.AddRange(
            figures.RepDecisions.Select(r => new RepDecisions { RepId = r.RepId, Decisions = r.Decisions })
        );
    }
}
