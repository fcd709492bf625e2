using IntegrationHub.Hub.Errors;
using IntegrationHub.Sdk.Errors;
using IntegrationHub.Storage.RoutingEvents;

namespace IntegrationHub.Hub.RoutingEvents;

/// <summary>A subscription as created or rotated, with its signing secret, which is never shown again.</summary>
public sealed record SubscriptionWithSecret(StoredEventSubscription Subscription, string Secret);

/// <summary>What a test ping got back: the receiver's status code, or why it got none.</summary>
public sealed record PingOutcome(bool Delivered, int StatusCode, string Error);

/// <summary>
/// Managing who receives routing events: subscribe (validated, nothing stored when anything is wrong), list, delete,
/// rotate a signing secret, and ping a subscription with a signed test event.
/// </summary>
public sealed class EventSubscriptions(
    EventSubscriptionStore store,
    SubscriptionSecrets secrets,
    RoutingEventFactory events,
    RoutingEventSender sender,
    TimeProvider time
)
{
    public const int MaxDescription = 200;

    /// <summary>Room for every type, repeats included; a list of thousands is not read item by item.</summary>
    public const int MaxEventTypes = 20;

    public async Task<SubscriptionWithSecret> CreateAsync(
        string url,
        IReadOnlyList<string> eventTypes,
        string description,
        string createdBy,
        CancellationToken cancellationToken
    )
    {
        var problems = new List<FieldViolation>();
        if (SubscriptionUrl.Check("url", url) is { } badUrl)
        {
            problems.Add(badUrl);
        }

        if (eventTypes.Count == 0 || eventTypes.Count > MaxEventTypes)
        {
            problems.Add(new FieldViolation("event_types", $"needs 1 to {MaxEventTypes} of: {Known}"));
        }

        problems.AddRange(
            eventTypes
                .Take(MaxEventTypes)
                .Select((type, i) => (type, i))
                .Where(t => !RoutingEventTypes.All.Contains(t.type, StringComparer.Ordinal))
                .Select(t => new FieldViolation($"event_types[{t.i}]", $"is not an event type; use one of: {Known}"))
        );
        if (description.Length > MaxDescription)
        {
            problems.Add(new FieldViolation("description", $"must be at most {MaxDescription} characters"));
        }

        if (problems.Count > 0)
        {
            throw HubException.Invalid([.. problems]);
        }

        var secret = SubscriptionSecrets.Create();
        var subscription = await store.InsertAsync(
            new StoredEventSubscription(
                Guid.CreateVersion7(time.GetUtcNow()).ToString("N"),
                url,
                [.. eventTypes.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)],
                description,
                await secrets.ProtectAsync(secret, cancellationToken),
                createdBy,
                time.GetUtcNow(),
                null
            ),
            cancellationToken
        );
        return new SubscriptionWithSecret(subscription, secret);
    }

    public Task<IReadOnlyList<StoredEventSubscription>> ListAsync(CancellationToken cancellationToken) =>
        store.ListAsync(cancellationToken);

    public async Task<StoredEventSubscription> DeleteAsync(string id, CancellationToken cancellationToken)
    {
        var subscription = await GetAsync(id, cancellationToken);
        await store.DeleteAsync(id, cancellationToken);
        return subscription;
    }

    /// <summary>A new secret from now on; events already signed with the old one are not re-sent.</summary>
    public async Task<SubscriptionWithSecret> RotateSecretAsync(string id, CancellationToken cancellationToken)
    {
        await GetAsync(id, cancellationToken);
        var secret = SubscriptionSecrets.Create();
        var rotated = await store.RotateSecretAsync(
            id,
            await secrets.ProtectAsync(secret, cancellationToken),
            cancellationToken
        ) ?? throw NotFound(id);
        return new SubscriptionWithSecret(rotated, secret);
    }

    /// <summary>Sends a signed <c>com.integrationhub.ping</c> now, once, and says what the receiver answered.</summary>
    public async Task<PingOutcome> PingAsync(string id, CancellationToken cancellationToken)
    {
        var subscription = await GetAsync(id, cancellationToken);
        var ping = events.Ping(id);
        try
        {
            var status = (int)await sender.SendAsync(subscription, ping.Id, ping.CloudEventJson, cancellationToken);
            return new PingOutcome(status is >= 200 and < 300, status, "");
        }
        catch (Exception ex) when (ex is HttpRequestException or TimeoutException)
        {
            return new PingOutcome(false, 0, ex.Message);
        }
    }

    private async Task<StoredEventSubscription> GetAsync(string id, CancellationToken cancellationToken)
    {
        if (id.Length is 0 or > 64)
        {
            throw HubException.Invalid(new FieldViolation("id", "is required (at most 64 characters)"));
        }

        return await store.GetAsync(id, cancellationToken) ?? throw NotFound(id);
    }

    private static HubException NotFound(string id) => HubException.NotFound($"No event subscription {id}.");

    private static string Known => string.Join(", ", RoutingEventTypes.All);
}
