using System.Globalization;

namespace IntegrationHub.Sdk.Http;

/// <summary>
/// Reads a vendor's "retry after" signal in every form met in the wild: delta seconds, an
/// HTTP date, and an ISO-8601 timestamp (Zoom's daily limit), which the framework's typed
/// header parser rejects.
/// </summary>
public static class RetryAfterHeader
{
    /// <summary>
    /// How long the response says to wait (delta seconds, an HTTP date, or a lenient ISO date), or null.
    /// </summary>
    public static TimeSpan? Read(HttpResponseMessage response, DateTimeOffset now)
    {
        var typed = response.Headers.RetryAfter;
        if (typed?.Delta is { } delta)
        {
            return delta;
        }

        if (typed?.Date is { } date)
        {
            return NonNegative(date - now);
        }

        if (response.Headers.NonValidated.TryGetValues("Retry-After", out var raw))
        {
            return Parse(raw.ToString(), now);
        }

        return null;
    }

    /// <summary>
    /// A Retry-After value read leniently, measured from <paramref name="now"/>; null when unreadable.
    /// </summary>
    public static TimeSpan? Parse(string? value, DateTimeOffset now)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        value = value.Trim();
        if (double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds))
        {
            return NonNegative(TimeSpan.FromSeconds(seconds));
        }

        if (
            DateTimeOffset.TryParse(
                value,
                CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal,
                out var at
            )
        )
        {
            return NonNegative(at - now);
        }

        return null;
    }

    private static TimeSpan NonNegative(TimeSpan span) => span < TimeSpan.Zero ? TimeSpan.Zero : span;
}
