using System.Net;
using IntegrationHub.Sdk.Errors;

namespace IntegrationHub.Hub.RoutingEvents;

/// <summary>
/// Where events may be sent: an absolute https URL, or plain http to this machine only (a receiver under test or a
/// local relay), so a signed event never crosses a network unencrypted.
/// </summary>
public static class SubscriptionUrl
{
    public const int MaxLength = 2048;

    /// <summary>The problem with <paramref name="url"/>, or null when it may be used.</summary>
    public static FieldViolation? Check(string field, string url)
    {
        if (url.Length == 0)
        {
            return new FieldViolation(field, "is required");
        }

        if (
            url.Length > MaxLength
            || !Uri.TryCreate(url, UriKind.Absolute, out var uri)
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp)
            || uri.Host.Length == 0
            || uri.UserInfo.Length > 0
        )
        {
            return new FieldViolation(field, $"must be an absolute https URL of at most {MaxLength} characters");
        }

        return uri.Scheme == Uri.UriSchemeHttp && !IsLoopback(uri)
            ? new FieldViolation(field, "must use https; plain http is allowed only to a loopback host")
            : null;
    }

    private static bool IsLoopback(Uri uri) =>
        uri.IsLoopback || (IPAddress.TryParse(uri.DnsSafeHost, out var address) && IPAddress.IsLoopback(address));
}
