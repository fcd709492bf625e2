using System.Security.Cryptography;
using System.Text;

namespace IntegrationHub.Connectors.Outreach;

/// <summary>
/// Outreach signs each webhook body with the secret given at registration: the hex HMAC-SHA256 of
/// the raw body in <see cref="Header"/> (some senders prefix it with <c>sha256=</c>).
/// </summary>
public static class OutreachWebhookSignature
{
    public const string Header = "Outreach-Webhook-Signature";

    /// <summary>Whether <paramref name="signature"/> is the body's, compared in constant time.</summary>
    public static bool Matches(ReadOnlySpan<byte> body, string signature, string secret)
    {
        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body);
        var given = signature.Trim();
        if (given.StartsWith("sha256=", StringComparison.OrdinalIgnoreCase))
        {
            given = given[7..];
        }

        try
        {
            return given.Length == expected.Length * 2
                && CryptographicOperations.FixedTimeEquals(Convert.FromHexString(given), expected);
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
