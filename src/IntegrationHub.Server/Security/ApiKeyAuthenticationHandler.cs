using System.Security.Claims;
using System.Text.Encodings.Web;
using IntegrationHub.Storage.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Server.Security;

/// <summary>
/// Authenticates a call by its x-api-key header: a key from configuration (by hash), the sandbox
/// development key, or a key issued over ApiKeyService. The caller's scopes become "scope" claims.
/// </summary>
public sealed partial class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options,
    ILoggerFactory loggers,
    UrlEncoder encoder,
    ApiKeyStore store,
    ConfiguredKeys configured,
    RecentApiKeys recent
) : AuthenticationHandler<AuthenticationSchemeOptions>(options, loggers, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string Header = "x-api-key";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (
            !Request.Headers.TryGetValue(Header, out var values)
            || values.FirstOrDefault() is not { Length: > 0 } presented
        )
        {
            return AuthenticateResult.NoResult();
        }

        var presentedHash = ApiKeySecret.Hash(presented);
        if (configured.Find(presentedHash) is { } known)
        {
            return Success(known.Name, "config:" + known.Name, known.Scopes);
        }

        if (
            ApiKeySecret.IdOf(presented) is { } id
            && await StoredAsync(id) is { RevokedAt: null } key
            && ApiKeySecret.SameHash(presentedHash, key.SecretHash)
        )
        {
            return Success(key.Name, key.Id, key.Scopes);
        }

        LogRejected(Logger);
        return AuthenticateResult.Fail("The API key is unknown or revoked.");
    }

    private async Task<StoredApiKey?> StoredAsync(string id)
    {
        if (recent.Get(id) is { } known)
        {
            return known;
        }

        var key = await store.GetAsync(id, Context.RequestAborted);
        if (key is not null)
        {
            recent.Remember(key);
        }

        return key;
    }

    private AuthenticateResult Success(string name, string keyId, IEnumerable<string> scopes)
    {
        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.Name, name),
                new Claim("key_id", keyId),
                .. scopes.Select(s => new Claim("scope", s)),
            ],
            SchemeName
        );
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "A call presented an unknown or revoked API key")]
    private static partial void LogRejected(ILogger logger);
}
