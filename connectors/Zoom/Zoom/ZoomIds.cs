using IntegrationHub.Sdk.Errors;

namespace IntegrationHub.Connectors.Zoom;

/// <summary>Zoom meeting ids are whole numbers (9 to 11 digits today); anything else is refused before it is put in a URL.</summary>
internal static class ZoomIds
{
    public static void RequireMeeting(string meetingId) =>
        VendorIds.Require(id => VendorIds.IsNumber(id, digits: 19), "must be a Zoom meeting id: a whole number such as 85746065432", ("meeting_id", meetingId));
}
