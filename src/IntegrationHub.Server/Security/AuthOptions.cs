using System.ComponentModel.DataAnnotations;

namespace IntegrationHub.Server.Security;

/// <summary>
/// How callers authenticate: API keys (issued over ApiKeyService, or listed here) and JWT bearer tokens.
/// </summary>
public sealed class AuthOptions : IValidatableObject
{
    public const string Section = "Auth";

    /// <summary>Reflection without credentials (handy in development; off by default).</summary>
    public bool AllowAnonymousReflection { get; set; }

    /// <summary>
    /// Keys defined in configuration, by the SHA-256 of their secret (so configuration never
    /// holds a usable secret): how the first admin key of a new installation is provisioned.
    /// </summary>
    public List<ConfiguredApiKey> Keys { get; set; } = [];

    /// <summary>In sandbox mode, the development key's secret; a random one is made and printed when empty.</summary>
    public string? DevelopmentKey { get; set; }

    public JwtOptions Jwt { get; set; } = new();

    /// <summary>
    /// PEM of the CA that callers' client certificates must chain to, on endpoints that ask for
    /// one (<c>Kestrel:Endpoints:&lt;Name&gt;:ClientCertificateMode</c>); only that CA is trusted
    /// then. Empty: the operating system's store decides.
    /// </summary>
    public string? ClientCaPath { get; set; }

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (key, i) in Keys.Select((k, i) => (k, i)))
        {
            if (
                string.IsNullOrWhiteSpace(key.Name)
                || key.Sha256 is not { Length: 64 }
                || !key.Sha256.All(Uri.IsHexDigit)
            )
            {
                yield return new ValidationResult(
                    $"Auth:Keys:{i} needs a Name and Sha256 (64 hexadecimal digits, the SHA-256 of the secret)."
                );
            }

            foreach (var scope in key.Scopes.Where(s => !Scopes.All.Contains(s)))
            {
                yield return new ValidationResult(
                    $"Auth:Keys:{i}:Scopes has unknown scope '{scope}' (known: {string.Join(", ", Scopes.All)})."
                );
            }
        }

        if (
            Jwt.Enabled
            && (
                string.IsNullOrWhiteSpace(Jwt.Issuer)
                || string.IsNullOrWhiteSpace(Jwt.Audience)
                || (Jwt.Authority is null && Jwt.SigningKeys.Count == 0)
            )
        )
        {
            yield return new ValidationResult(
                "Auth:Jwt needs Issuer, Audience, and an Authority (for its signing keys) or SigningKeys."
            );
        }

        if (ClientCaPath is { Length: > 0 } ca && !File.Exists(ca))
        {
            yield return new ValidationResult($"Auth:ClientCaPath: no file at {ca}.");
        }

        foreach (var problem in Jwt.Problems())
        {
            yield return new ValidationResult(problem);
        }
    }
}

public sealed class ConfiguredApiKey
{
    public string Name { get; set; } = "";

    /// <summary>Lower-case hexadecimal SHA-256 of the secret (`printf %s "$KEY" | sha256sum`).</summary>
    public string Sha256 { get; set; } = "";

    public List<string> Scopes { get; set; } = [];
}

public sealed class JwtOptions
{
    public bool Enabled => Issuer is { Length: > 0 };

    /// <summary>The token issuer (iss) to accept.</summary>
    public string? Issuer { get; set; }

    /// <summary>The audience (aud) the tokens must be for.</summary>
    public string? Audience { get; set; }

    /// <summary>An OpenID Connect authority whose published keys sign the tokens.</summary>
    public Uri? Authority { get; set; }

    /// <summary>
    /// Symmetric signing keys (base64), when there is no authority. A key signs with the HMAC
    /// algorithms its length allows (RFC 7518 §3.2): 32 bytes or more HS256, 48 HS384, 64 HS512.
    /// </summary>
    public List<string> SigningKeys { get; set; } = [];

    /// <summary>
    /// Lets the authority be plain http:// (its keys could then be swapped on the way). For a
    /// development identity provider only; off by default.
    /// </summary>
    public bool AllowInsecureAuthority { get; set; }

    /// <summary>How far a token's lifetime may be off the hub's clock and still pass.</summary>
    public TimeSpan ClockSkew { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How often the authority's signing keys are fetched again.</summary>
    public TimeSpan KeyRefreshInterval { get; set; } = TimeSpan.FromHours(12);

    /// <summary>The least time between two fetches forced by a token signed with an unknown key.</summary>
    public TimeSpan KeyRefreshMinimum { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The decoded signing keys; only meaningful when <see cref="Problems"/> finds none.</summary>
    public IEnumerable<byte[]> DecodedSigningKeys() => SigningKeys.Select(Convert.FromBase64String);

    /// <summary>The HMAC algorithms the configured keys are long enough for.</summary>
    public IEnumerable<string> SymmetricAlgorithms() =>
        DecodedSigningKeys()
            .SelectMany(k => HmacMinimumBytes.Where(a => k.Length >= a.Value).Select(a => a.Key))
            .Distinct();

    private static readonly Dictionary<string, int> HmacMinimumBytes = new()
    {
        ["HS256"] = 32,
        ["HS384"] = 48,
        ["HS512"] = 64,
    };

    /// <summary>Settings that would start a hub on which no token can ever pass, each naming its key.</summary>
    public IEnumerable<string> Problems()
    {
        if (!Enabled)
        {
            yield break;
        }

        if (Authority is { } authority && authority.Scheme != Uri.UriSchemeHttps && !AllowInsecureAuthority)
        {
            yield return $"Auth:Jwt:Authority must be https:// ({authority} is not); set "
                + $"Auth:Jwt:AllowInsecureAuthority=true for a development identity provider.";
        }

        for (var i = 0; i < SigningKeys.Count; i++)
        {
            var key = new byte[SigningKeys[i].Length];
            if (!Convert.TryFromBase64String(SigningKeys[i], key, out var length))
            {
                yield return $"Auth:Jwt:SigningKeys:{i} is not base64.";
            }
            else if (length < HmacMinimumBytes["HS256"])
            {
                yield return $"Auth:Jwt:SigningKeys:{i} is {length} bytes; HMAC signing needs at least 32 (HS256), "
                    + $"48 for HS384, 64 for HS512.";
            }
        }

        if (ClockSkew < TimeSpan.Zero || ClockSkew > TimeSpan.FromMinutes(10))
        {
            yield return "Auth:Jwt:ClockSkew must be between 00:00:00 and 00:10:00.";
        }

        if (KeyRefreshMinimum <= TimeSpan.Zero || KeyRefreshInterval < KeyRefreshMinimum)
        {
            yield return "Auth:Jwt:KeyRefreshMinimum must be positive and no longer than Auth:Jwt:KeyRefreshInterval.";
        }
    }
}
