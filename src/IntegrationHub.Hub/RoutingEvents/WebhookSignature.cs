using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace IntegrationHub.Hub.RoutingEvents;

/// <summary>
/// Standard Webhooks signing: HMAC-SHA256, keyed with the secret's bytes, over <c>{webhook-id}.{webhook-timestamp}.
/// {body}</c>, sent as <c>webhook-signature: v1,&lt;base64&gt;</c>. The timestamp (Unix seconds) lets a receiver
/// refuse replays; the id (the CloudEvent's, the same on every retry) lets it drop duplicates.
/// </summary>
public static class WebhookSignature
{
    public static string Sign(string secret, string id, long timestamp, string body)
    {
        var signed = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{id}.{timestamp}.{body}"));
        return "v1," + Convert.ToBase64String(HMACSHA256.HashData(SubscriptionSecrets.SigningKey(secret), signed));
    }
}
