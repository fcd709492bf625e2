using IntegrationHub.Routing.Policy;

namespace IntegrationHub.Routing.Facts;

/// <summary>
/// Where routing reads the reps' calendars: every rep of the policy at once, the events of the kinds
/// <c>availability.calendarEventKinds</c> counts, from now to one refresh ahead.
/// </summary>
public interface IRepCalendar
{
    Task<RepAbsences> ReadAsync(RoutingPolicy policy, CancellationToken cancellationToken);
}
