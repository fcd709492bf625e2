using System.Net;
using IntegrationHub.Connectors.Outreach.Fake;
using IntegrationHub.Sdk.Http;

namespace IntegrationHub.Connectors.Outreach.Tests;

/// <summary>
/// Outreach spends a refresh token on every use. The fake does the same, and the connector
/// spends each one once, under the credential store's lock, however many instances ask at once
/// and whether or not the caller waits for the answer.
/// </summary>
public sealed class OutreachTokenRotationTests : IAsyncLifetime
{
    private readonly OutreachWorld _world = new();

    private OutreachFake Fake => _world.Fake;

    [Fact]
    public async Task A_spent_refresh_token_is_refused_with_outreachs_invalid_grant()
    {
        using var http = new HttpClient { BaseAddress = Fake.BaseUrl };
        Task<HttpResponseMessage> Refresh(string token) =>
            http.PostAsync(
                "oauth/token",
                new FormUrlEncodedContent(
                    new Dictionary<string, string>
                    {
                        ["client_id"] = OutreachFake.ClientId,
                        ["client_secret"] = OutreachFake.ClientSecret,
                        ["redirect_uri"] = "https://localhost/oauth/callback",
                        ["grant_type"] = "refresh_token",
                        ["refresh_token"] = token,
                    }
                )
            );

        using var first = await Refresh(OutreachFake.InitialRefreshToken);
        using var again = await Refresh(OutreachFake.InitialRefreshToken);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Contains(
            "\"refresh_token\":\"refresh-",
            await first.Content.ReadAsStringAsync(),
            StringComparison.Ordinal
        );
        Assert.Equal(HttpStatusCode.BadRequest, again.StatusCode);
        Assert.Contains(
            "\"error\":\"invalid_grant\"",
            await again.Content.ReadAsStringAsync(),
            StringComparison.Ordinal
        );
    }

    [Fact]
    public async Task Two_instances_needing_a_token_at_once_make_one_refresh_and_both_answer()
    {
        var store = new LockWatchingStore(new InMemoryConnectorCredentialStore());
        var a = _world.Connector(credentials: store);
        var b = _world.Connector(credentials: store);
        var held = Fake.PauseAt(OutreachStep.TokenRequestArrived);

        var fromA = a.GetProspectByEmailAsync("jane@acme.com", CancellationToken.None);
        await held.Reached.WaitAsync(TimeSpan.FromSeconds(30));
        var fromB = b.GetProspectByEmailAsync("jane@acme.com", CancellationToken.None);
        // B asks for the lock while A's refresh is at the vendor; then A's answer comes back.
        await store.SecondLockRequested.WaitAsync(TimeSpan.FromSeconds(30));
        held.Release();

        Assert.Equal("18", (await fromA)!.Id);
        Assert.Equal("18", (await fromB)!.Id);
        Assert.Equal(1, Fake.TokensIssued);
        Assert.Equal(1, Fake.CountRequests("POST", "/oauth/token"));
    }

    [Fact]
    public async Task An_instance_whose_token_was_rejected_takes_the_one_another_instance_got_instead_of_refreshing()
    {
        var store = new InMemoryConnectorCredentialStore();
        var a = _world.Connector(credentials: store);
        var b = _world.Connector(credentials: store);
        await a.GetProspectByEmailAsync("jane@acme.com", CancellationToken.None);
        await b.GetProspectByEmailAsync("jane@acme.com", CancellationToken.None);
        Assert.Equal(1, Fake.TokensIssued);

        // Outreach revokes the access token both use; A notices first and refreshes, B then takes A's.
        Fake.ExpireTokens();
        await a.GetProspectByEmailAsync("jane@acme.com", CancellationToken.None);
        Assert.Equal("18", (await b.GetProspectByEmailAsync("jane@acme.com", CancellationToken.None))!.Id);
        Assert.Equal(2, Fake.TokensIssued);
    }

    [Fact]
    public async Task A_caller_that_gives_up_during_a_refresh_leaves_the_rotated_token_stored_for_the_next_one()
    {
        var store = new InMemoryConnectorCredentialStore();
        var held = Fake.PauseAt(OutreachStep.TokenRotated);
        using var giveUp = new CancellationTokenSource();
        var call = _world.Connector(credentials: store).GetProspectByEmailAsync("jane@acme.com", giveUp.Token);
        await held.Reached.WaitAsync(TimeSpan.FromSeconds(30));

        // Outreach has spent the configured token; the caller stops waiting before the answer arrives.
        await giveUp.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call);
        held.Release();

        // A new instance (a restart) over the same store waits for the abandoned refresh's lock
        // and gets in with what it stored, without spending another token.
        var restarted = _world.Connector(credentials: store);
        Assert.Equal("18", (await restarted.GetProspectByEmailAsync("jane@acme.com", CancellationToken.None))!.Id);
        Assert.Equal(1, Fake.TokensIssued);
    }

    [Fact]
    public async Task A_rotation_answered_later_than_one_attempt_is_waited_for_not_retried_with_the_spent_token()
    {
        var store = new InMemoryConnectorCredentialStore();
        var connector = _world.Connector(
            tune: s => s["Resilience:AttemptTimeout"] = "00:00:00.300",
            credentials: store
        );
        // A first refresh warms the path up, so only the held answer is ever slower than an attempt may take.
        await connector.GetProspectByEmailAsync("jane@acme.com", CancellationToken.None);
        Fake.ExpireTokens();
        var held = Fake.PauseAt(OutreachStep.TokenRotated);

        var call = connector.GetProspectByEmailAsync("jane@acme.com", CancellationToken.None);
        await held.Reached.WaitAsync(TimeSpan.FromSeconds(30));
        var spent = await store.GetAsync("Outreach", "refresh_token", CancellationToken.None);
        // Outreach has rotated; its answer is slower than an ordinary attempt may take. A retry now would send the
        // spent token and get invalid_grant.
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        held.Release();

        Assert.Equal("18", (await call)!.Id);
        Assert.Equal(2, Fake.CountRequests("POST", "/oauth/token"));
        Assert.NotEqual(spent, await store.GetAsync("Outreach", "refresh_token", CancellationToken.None));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _world.DisposeAsync();

    /// <summary>A store that says when a second caller asked for the lock.</summary>
    private sealed class LockWatchingStore(IConnectorCredentialStore inner) : IConnectorCredentialStore
    {
        private readonly TaskCompletionSource _second = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private int _requests;

        public Task SecondLockRequested => _second.Task;

        public Task<string?> GetAsync(string connector, string name, CancellationToken cancellationToken) =>
            inner.GetAsync(connector, name, cancellationToken);

        public Task SetAsync(string connector, string name, string value, CancellationToken cancellationToken) =>
            inner.SetAsync(connector, name, value, cancellationToken);

        public Task<ICredentialLease> LockAsync(string connector, CancellationToken cancellationToken)
        {
            if (Interlocked.Increment(ref _requests) == 2)
            {
                _second.TrySetResult();
            }

            return inner.LockAsync(connector, cancellationToken);
        }
    }
}
