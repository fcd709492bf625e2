namespace IntegrationHub.Sdk.Http;

/// <summary>
/// Sends a vendor request that carries a bearer token from an <see cref="AccessTokenCache"/>.
/// A token can die before the cache expects (revoked, replaced by another client, a session the
/// vendor ended), so when the vendor rejects it the token is dropped, a fresh one fetched and the
/// request sent once more. Only once: a second rejection means the credentials themselves are bad,
/// and the connector reports it like any other answer.
/// </summary>
public static class BearerTokenRequests
{
    /// <param name="tokens">The connector's token cache.</param>
    /// <param name="fetchToken">Gets a new token from the vendor when the cache has none.</param>
    /// <param name="client">The vendor's resilient client.</param>
    /// <param name="vendor">The vendor's name, for errors.</param>
    /// <param name="request">Builds the request around a token; called again for the second send.</param>
    /// <param name="rejectsToken">Whether an answer says the token is no good (a 401, or the vendor's code for
    /// it).</param>
    /// <param name="answer">Reads the answer that counts, with its body, while it is still open.</param>
    /// <param name="cancellationToken">The caller's cancellation.</param>
    public static async Task<T> SendAsync<T>(
        this AccessTokenCache tokens,
        Func<CancellationToken, Task<AccessToken>> fetchToken,
        HttpClient client,
        string vendor,
        Func<string, HttpRequestMessage> request,
        Func<HttpResponseMessage, string, bool> rejectsToken,
        Func<HttpResponseMessage, string, T> answer,
        CancellationToken cancellationToken
    )
    {
        for (var attempt = 0; ; attempt++)
        {
            var token = await tokens.GetAsync(fetchToken, cancellationToken);
            using var sent = request(token);
            using var response = await VendorHttp.SendAsync(client, sent, vendor, cancellationToken);
            var body = await VendorHttp.BodyAsync(response, cancellationToken);
            if (attempt == 0 && rejectsToken(response, body))
            {
                tokens.Invalidate(token);
                continue;
            }

            return answer(response, body);
        }
    }
}
