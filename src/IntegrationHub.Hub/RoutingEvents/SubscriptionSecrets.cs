using System.Security.Cryptography;
using IntegrationHub.Storage.Credentials;

namespace IntegrationHub.Hub.RoutingEvents;

/// <summary>
/// Subscriptions' signing secrets: made here (Standard Webhooks' <c>whsec_</c> + 32 random bytes in base64),
/// shown once, and stored only encrypted with AES-GCM under <see cref="RoutingEventsOptions.SecretKey"/> (or, when
/// none is configured, a key the hub made and keeps in its store, shared by every instance).
/// </summary>
public sealed class SubscriptionSecrets(IOptions<RoutingEventsOptions> options, CredentialStore store)
{
    private const string Prefix = "whsec_";
    private const string Version = "v1:";
    private const int NonceBytes = 12;
    private const int TagBytes = 16;
    private readonly SemaphoreSlim _keyGate = new(1, 1);
    private byte[]? _key;

    /// <summary>A new secret, as the subscriber receives it.</summary>
    public static string Create() => Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>The HMAC key of a secret: the base64 after the prefix.</summary>
    public static byte[] SigningKey(string secret) => Convert.FromBase64String(secret[Prefix.Length..]);

    public async Task<string> ProtectAsync(string secret, CancellationToken cancellationToken)
    {
        var key = await KeyAsync(cancellationToken);
        var plain = System.Text.Encoding.UTF8.GetBytes(secret);
        var sealedBytes = new byte[NonceBytes + plain.Length + TagBytes];
        var nonce = sealedBytes.AsSpan(0, NonceBytes);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagBytes);
        aes.Encrypt(
            nonce,
            plain,
            sealedBytes.AsSpan(NonceBytes, plain.Length),
            sealedBytes.AsSpan(NonceBytes + plain.Length)
        );
        return Version + Convert.ToBase64String(sealedBytes);
    }

    public async Task<string> UnprotectAsync(string protectedSecret, CancellationToken cancellationToken)
    {
        var key = await KeyAsync(cancellationToken);
        var sealedBytes = Convert.FromBase64String(protectedSecret[Version.Length..]);
        var plain = new byte[sealedBytes.Length - NonceBytes - TagBytes];
        using var aes = new AesGcm(key, TagBytes);
        aes.Decrypt(
            sealedBytes.AsSpan(0, NonceBytes),
            sealedBytes.AsSpan(NonceBytes, plain.Length),
            sealedBytes.AsSpan(NonceBytes + plain.Length),
            plain
        );
        return System.Text.Encoding.UTF8.GetString(plain);
    }

    private async Task<byte[]> KeyAsync(CancellationToken cancellationToken)
    {
        if (_key is { } known)
        {
            return known;
        }

        await _keyGate.WaitAsync(cancellationToken);
        try
        {
            _key ??= options.Value.SecretKeyBytes() ?? await StoredKeyAsync(cancellationToken);
            return _key;
        }
        finally
        {
            _keyGate.Release();
        }
    }

    /// <summary>The hub's own key, made once under the store's lock so that two instances agree on it.</summary>
    private async Task<byte[]> StoredKeyAsync(CancellationToken cancellationToken)
    {
        await using var lease = await store.LockAsync("hub.events", cancellationToken);
        if (lease.Values.TryGetValue("secret-key", out var existing))
        {
            return Convert.FromBase64String(existing);
        }

        var key = RandomNumberGenerator.GetBytes(32);
        await lease.StoreAsync(new Dictionary<string, string> { ["secret-key"] = Convert.ToBase64String(key) });
        return key;
    }
}
