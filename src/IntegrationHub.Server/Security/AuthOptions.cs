using System.ComponentModel.DataAnnotations;

namespace IntegrationHub.Server.Security;

/// <summary>How callers authenticate: API keys (issued over ApiKeyService, or listed here) and JWT bearer tokens.</summary>
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

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        foreach (var (key, i) in Keys.Select((k, i) => (k, i)))
        {
            if (string.IsNullOrWhiteSpace(key.Name) || key.Sha256 is not { Length: 64 } || !key.Sha256.All(Uri.IsHexDigit))
            {
                yield return new ValidationResult($"Auth:Keys:{i} needs a Name and Sha256 (64 hexadecimal digits, the SHA-256 of the secret).");
            }

            foreach (var scope in key.Scopes.Where(s => !Scopes.All.Contains(s)))
            {
                yield return new ValidationResult($"Auth:Keys:{i}:Scopes has unknown scope '{scope}' (known: {string.Join(", ", Scopes.All)}).");
            }
        }

        if (Jwt.Enabled && (string.IsNullOrWhiteSpace(Jwt.Issuer) || string.IsNullOrWhiteSpace(Jwt.Audience) || (Jwt.Authority is null && Jwt.SigningKeys.Count == 0)))
        {
            yield return new ValidationResult("Auth:Jwt needs Issuer, Audience, and an Authority (for its signing keys) or SigningKeys.");
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

    /// <summary>Symmetric signing keys (base64), when there is no authority.</summary>
    public List<string> SigningKeys { get; set; } = [];
}
