using Microsoft.Extensions.Options;

namespace IntegrationHub.Server.Security;

/// <summary>
/// Keys that live in configuration (by hash) and, in sandbox mode, the development key. They are
/// checked before the stored keys, each in constant time.
/// </summary>
public sealed class ConfiguredKeys(IOptions<AuthOptions> options)
{
    private readonly List<(string Name, string Hash, IReadOnlyList<string> Scopes)> _keys =
    [
        .. options.Value.Keys.Select(k => (k.Name, k.Sha256.ToLowerInvariant(), (IReadOnlyList<string>)k.Scopes)),
    ];

    public void AddDevelopmentKey(string secret) =>
        _keys.Add(("sandbox-development", ApiKeySecret.Hash(secret), Scopes.All));

    /// <summary>The key whose secret hashes to <paramref name="presentedHash"/>.</summary>
    public (string Name, IReadOnlyList<string> Scopes)? Find(string presentedHash)
    {
        (string, IReadOnlyList<string>)? found = null;
        // Every entry is compared, so the time taken does not tell which one matched.
        foreach (var (name, hash, scopes) in _keys)
        {
            if (ApiKeySecret.SameHash(presentedHash, hash))
            {
                found = (name, scopes);
            }
        }

        return found;
    }
}
