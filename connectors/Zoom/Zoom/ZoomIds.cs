using IntegrationHub.Sdk.Errors;

namespace IntegrationHub.Connectors.Zoom;

/// <summary>
/// Zoom meeting ids are whole numbers (9 to 11 digits today); a user is named by their email or
/// their Zoom user id (letters, digits, '-' and '_'). Anything else is refused before it is put in a URL.
/// </summary>
internal static class ZoomIds
{
    public const string UserShape = "must be the Zoom user's email or user id (letters, digits, '-' and '_')";

    public static bool IsUser(string value) =>
        value.Length is > 0 and <= 128
        && (
            value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')
            || (
                value.Count(c => c == '@') == 1
                && value.IndexOf('@') is > 0
                && value.IndexOf('@') < value.Length - 1
                && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '@' or '.' or '-' or '_' or '+')
            )
        );

    public static void RequireMeeting(string meetingId) =>
        VendorIds.Require(
            id => VendorIds.IsNumber(id, digits: 19),
            "must be a Zoom meeting id: a whole number such as 85746065432",
            ("meeting_id", meetingId)
        );
}
