namespace IntegrationHub.Sdk.Http;

/// <summary>A vendor access token and how long the vendor said it lives (null: until rejected).</summary>
public sealed record AccessToken(string Value, TimeSpan? Lifetime);

/// <summary>
/// Holds a vendor access token, renews it a minute before it expires, and lets one caller
/// fetch while the others wait, so a burst never stampedes the vendor's token endpoint.
/// A token the vendor rejects is invalidated and fetched again once.
/// </summary>
public sealed class AccessTokenCache(TimeProvider time)
{
    private static readonly TimeSpan RenewBefore = TimeSpan.FromSeconds(60);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _token;
    private DateTimeOffset? _expiresAt;
    private volatile string? _rejected;

    /// <summary>How many tokens were fetched from the vendor.</summary>
    public int Fetches { get; private set; }

    /// <summary>
    /// The token the vendor rejected last, so a connector that also finds tokens elsewhere (a store
    /// shared with other hub instances) does not take that one back.
    /// </summary>
    public string? Rejected => _rejected;

    /// <summary>
    /// The cached token, or one <paramref name="fetch"/> gets when none is cached or it is about to expire; one fetch
    /// at a time.
    /// </summary>
    public async Task<string> GetAsync(
        Func<CancellationToken, Task<AccessToken>> fetch,
        CancellationToken cancellationToken
    )
    {
        if (Current() is { } token)
        {
            return token;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (Current() is { } fetchedMeanwhile)
            {
                return fetchedMeanwhile;
            }

            var fresh = await fetch(cancellationToken);
            Fetches++;
            _token = fresh.Value;
            _expiresAt = fresh.Lifetime is { } lifetime
                ? time.GetUtcNow() + lifetime - (lifetime > RenewBefore * 2 ? RenewBefore : TimeSpan.Zero)
                : null;
            return fresh.Value;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Forgets a token the vendor rejected (only if it is still the current one) and remembers it
    /// as <see cref="Rejected"/>.
    /// </summary>
    public void Invalidate(string rejected)
    {
        _rejected = rejected;
        if (_token == rejected)
        {
            _token = null;
            _expiresAt = null;
        }
    }

    private string? Current() =>
        _token is not null && (_expiresAt is null || _expiresAt > time.GetUtcNow()) ? _token : null;
}
