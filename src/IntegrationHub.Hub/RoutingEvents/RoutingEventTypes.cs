namespace IntegrationHub.Hub.RoutingEvents;

/// <summary>
/// The routing events a subscription may choose, by the short name subscriptions use; each is sent as the CloudEvent
/// type <c>com.integrationhub.&lt;name&gt;</c>.
/// </summary>
public static class RoutingEventTypes
{
    public const string DecisionMade = "decision.made";
    public const string OfferAccepted = "offer.accepted";
    public const string OfferDeclined = "offer.declined";
    public const string OfferExpired = "offer.expired";
    public const string MeetingBooked = "meeting.booked";
    public const string LeadReassigned = "lead.reassigned";

    /// <summary>Sent only by a test ping, to the one subscription pinged; no subscription chooses it.</summary>
    public const string Ping = "ping";

    public static IReadOnlyList<string> All { get; } =
    [DecisionMade, OfferAccepted, OfferDeclined, OfferExpired, MeetingBooked, LeadReassigned];

    /// <summary>The CloudEvent <c>type</c> of an event type.</summary>
    public static string CloudEventType(string eventType) => "com.integrationhub." + eventType;
}
