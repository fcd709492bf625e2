using IntegrationHub.Server.Security;

namespace IntegrationHub.Testing;

/// <summary>
/// The API key the tests and benchmarks call the hub with: configured by hash (as an operator
/// provisions the first key), holding every scope, sent as x-api-key on every call.
/// </summary>
public static class HubCredentials
{
    public const string Key = "test-key-with-every-scope";

    /// <summary>
    /// Configuration that makes <see cref="Key"/> a key with the given scopes (all when none are given).
    /// </summary>
    public static Dictionary<string, string?> Settings(params string[] scopes)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Auth:Keys:0:Name"] = "tests",
            ["Auth:Keys:0:Sha256"] = ApiKeySecret.Hash(Key),
        };
        foreach (var (scope, i) in (scopes.Length == 0 ? Scopes.All : scopes).Select((s, i) => (s, i)))
        {
            settings[$"Auth:Keys:0:Scopes:{i}"] = scope;
        }

        return settings;
    }

    /// <summary>An HTTP handler that adds the key to every call through <paramref name="inner"/>.</summary>
    public static HttpMessageHandler Handler(HttpMessageHandler inner, string key = Key) =>
        WithHeader(inner, ApiKeyAuthenticationHandler.Header, key);

    /// <summary>
    /// An HTTP handler that adds one header to every call through <paramref name="inner"/> (a key, a bearer token).
    /// </summary>
    public static HttpMessageHandler WithHeader(HttpMessageHandler inner, string name, string value) =>
        new HeaderHandler(inner, name, value);

    private sealed class HeaderHandler(HttpMessageHandler inner, string name, string value) : DelegatingHandler(inner)
    {
        protected override Task<HttpResponseMessage> SendAsync(
            HttpRequestMessage request,
            CancellationToken cancellationToken
        )
        {
            request.Headers.TryAddWithoutValidation(name, value);
            return base.SendAsync(request, cancellationToken);
        }
    }
}
