using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using IntegrationHub.Storage.RoutingEvents;

namespace IntegrationHub.Hub.RoutingEvents;

/// <summary>
/// Sends one signed CloudEvent to one subscription: POST with <c>application/cloudevents+json</c> and the Standard
/// Webhooks headers, signed at send time (so the timestamp is the attempt's), no redirects followed.
/// </summary>
public sealed class RoutingEventSender(
    IHttpClientFactory clients,
    SubscriptionSecrets secrets,
    IOptions<RoutingEventsOptions> options,
    TimeProvider time
)
{
    public const string ClientName = "routing-events";

    /// <summary>The receiver's answer; throws on a timeout or a broken connection.</summary>
    public async Task<HttpStatusCode> SendAsync(
        StoredEventSubscription subscription,
        string eventId,
        string cloudEventJson,
        CancellationToken cancellationToken
    )
    {
        var secret = await secrets.UnprotectAsync(subscription.SecretProtected, cancellationToken);
        var timestamp = time.GetUtcNow().ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, subscription.Url)
        {
            Content = new StringContent(cloudEventJson, Encoding.UTF8),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/cloudevents+json")
        {
            CharSet = "utf-8",
        };
        request.Headers.Add("webhook-id", eventId);
        request.Headers.Add("webhook-timestamp", timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add("webhook-signature", WebhookSignature.Sign(secret, eventId, timestamp, cloudEventJson));
        using var attempt = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        attempt.CancelAfter(options.Value.DeliveryTimeout);
        try
        {
            using var response = await clients
                .CreateClient(ClientName)
                .SendAsync(request, HttpCompletionOption.ResponseHeadersRead, attempt.Token);
            return response.StatusCode;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"the receiver did not answer within {options.Value.DeliveryTimeout}");
        }
    }
}
