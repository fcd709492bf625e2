namespace IntegrationHub.Routing.Policy.Validation;

/// <summary><c>meetingOffer</c>: slots a calendar can actually offer.</summary>
internal static class MeetingOfferValidator
{
    public static IEnumerable<string> Check(RoutingPolicy policy)
    {
        var meeting = policy.MeetingOffer;
        if (meeting.DurationMinutes is < 5 or > 480)
        {
            yield return "meetingOffer.durationMinutes: must be between 5 and 480";
        }

        if (meeting.BufferMinutes is < 0 or > 120)
        {
            yield return "meetingOffer.bufferMinutes: must be between 0 and 120";
        }

        if (meeting.MinimumNoticeMinutes is < 0 or > 10080)
        {
            yield return "meetingOffer.minimumNoticeMinutes: must be between 0 and 10080";
        }

        if (meeting.DaysAhead is < 1 or > 30)
        {
            yield return "meetingOffer.daysAhead: must be between 1 and 30";
        }

        if (meeting.MaxSlots is < 1 or > 50)
        {
            yield return "meetingOffer.maxSlots: must be between 1 and 50";
        }
    }
}
