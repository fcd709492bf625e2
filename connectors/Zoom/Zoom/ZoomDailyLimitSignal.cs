using System.Globalization;
using System.Net;

namespace IntegrationHub.Connectors.Zoom;

/// <summary>
/// Zoom's daily create/update limit answers 429, sometimes without Retry-After or rate-limit
/// headers. Retrying it only burns more of the day's budget, so this inner handler reads the
/// body and, for a daily limit, states the reset (00:00 GMT) as Retry-After; the hub's pipeline
/// then reports it at once instead of retrying.
/// </summary>
public sealed class ZoomDailyLimitSignal(TimeProvider time) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(
        HttpRequestMessage request,
        CancellationToken cancellationToken
    )
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (
            response.StatusCode != HttpStatusCode.TooManyRequests
            || response.Headers.Contains("Retry-After")
            || response.Content is null
        )
        {
            return response;
        }

        await response.Content.LoadIntoBufferAsync(cancellationToken);
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        if (body.Contains("daily rate limit", StringComparison.OrdinalIgnoreCase))
        {
            var reset = time.GetUtcNow().UtcDateTime.Date.AddDays(1);
            response.Headers.TryAddWithoutValidation(
                "Retry-After",
                reset.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)
            );
            response.Headers.TryAddWithoutValidation("X-RateLimit-Type", "Daily-limit");
        }

        return response;
    }
}
