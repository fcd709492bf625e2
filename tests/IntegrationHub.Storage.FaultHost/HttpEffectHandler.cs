using IntegrationHub.Storage.Outbox;

namespace IntegrationHub.Storage.FaultHost;

/// <summary>Delivers an effect as a POST carrying its idempotency key, as a vendor call would.</summary>
public sealed class HttpEffectHandler(IHttpClientFactory clients, Uri target) : IOutboxEffectHandler
{
    public string EffectType => "vendor.call";

    public async Task DeliverAsync(OutboxEffect effect, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, target)
        {
            Content = new StringContent(effect.Payload),
        };
        request.Headers.Add("Idempotency-Key", effect.IdempotencyKey);
        using var response = await clients.CreateClient().SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
    }
}
