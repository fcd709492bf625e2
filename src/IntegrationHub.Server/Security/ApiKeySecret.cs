using System.Security.Cryptography;
using System.Text;

namespace IntegrationHub.Server.Security;

/// <summary>
/// The shape of an API key secret, "ihk_&lt;id&gt;_&lt;secret&gt;": the id finds the stored key, and
/// only a SHA-256 of the whole secret is stored. The secret part is 256 random bits, so a fast
/// hash is enough: there is nothing to guess by brute force.
/// </summary>
public static class ApiKeySecret
{
    private const string Prefix = "ihk_";

    public static (string Id, string Secret) Create()
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(8));
        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
        return (id, $"{Prefix}{id}_{secret}");
    }

    /// <summary>The id inside a presented secret, or null when it does not have the shape of one.</summary>
    public static string? IdOf(string presented)
    {
        if (presented.Length is < 30 or > 128 || !presented.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return null;
        }

        var end = presented.IndexOf('_', Prefix.Length);
        return end == Prefix.Length + 16 ? presented[Prefix.Length..end] : null;
    }

    public static string Hash(string secret) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>
    /// Compares the hash of a presented secret (hashed once per call by the caller) with a stored
    /// hash in constant time, so the time taken says nothing about how much matched.
    /// </summary>
    public static bool SameHash(string presentedHash, string storedHash) =>
        CryptographicOperations.FixedTimeEquals(
            Encoding.ASCII.GetBytes(presentedHash),
            Encoding.ASCII.GetBytes(storedHash)
        );

    private static string Base64Url(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
