using System.Security.Cryptography;
using IntegrationHub.Storage.Decisions;

namespace IntegrationHub.Hub.Leads;

/// <summary>
/// Which signed webhook bodies the hub has already taken, shared by every instance through the
/// store. A signature proves who sent a body, not that this is its first arrival, so without
/// this a captured body could be replayed for ever. A delivery is known by the SHA-256 of its
/// signed bytes: Outreach sends no delivery id, and its retries are the same bytes.
/// </summary>
public sealed class WebhookDeliveries(IdempotencyStore store)
{
    public async Task<bool> SeenAsync(string connector, byte[] body, CancellationToken cancellationToken) =>
        await store.GetAsync(Key(connector, body), cancellationToken) is not null;

    /// <summary>
    /// Called once the delivery has been applied, not before: a crash in between makes a retry
    /// apply it again (lifecycle moves only go forward, so that is harmless), never lose it.
    /// </summary>
    public async Task RememberAsync(
        string connector,
        byte[] body,
        TimeSpan lifetime,
        CancellationToken cancellationToken
    )
    {
        await store.PutIfAbsentAsync(Key(connector, body), "applied", lifetime, cancellationToken);
        // Each delivery clears a few that have expired: the table holds about one window's deliveries.
        await store.PurgeExpiredAsync(most: 10, cancellationToken);
    }

    private static string Key(string connector, byte[] body) =>
        $"webhook/{connector}/{Convert.ToHexStringLower(SHA256.HashData(body))}";
}
