using IntegrationHub.Connectors.Outreach.Fake;
using IntegrationHub.Sdk.Capabilities.Sequencing;
using IntegrationHub.Sdk.Errors;
using IntegrationHub.Sdk.Http;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationHub.Connectors.Outreach.Tests;

/// <summary>The Outreach connector against the fake of its real JSON:API.</summary>
public sealed class OutreachContractTests : IAsyncLifetime
{
    private readonly OutreachWorld _world = new();

    private OutreachFake Fake => _world.Fake;

    [Fact]
    public async Task A_prospect_comes_with_owner_states_sequence_names_and_sequencing_reps()
    {
        var prospect = (await _world.Connector().GetProspectByEmailAsync("jane@acme.com", CancellationToken.None))!;

        Assert.Equal("18", prospect.Id);
        Assert.Equal("owner@hub.test", prospect.Owner?.Email);
        var active = Assert.Single(prospect.SequenceStates, s => s.State == SequenceStateKind.Active);
        Assert.Equal("Inbound High Touch", active.SequenceName);
        Assert.Equal("sender@hub.test", active.Rep?.Email);
        Assert.Equal(
            [SequenceStateKind.Active, SequenceStateKind.Paused, SequenceStateKind.Finished],
            prospect.SequenceStates.Select(s => s.State)
        );
    }

    [Fact]
    public async Task It_filters_by_email_with_the_json_api_media_type_and_a_bearer_token()
    {
        await _world.Connector().GetProspectByEmailAsync("jane@acme.com", CancellationToken.None);
        var sent = Fake.Requests.Select(r => r.RequestMessage!).First(r => r.Path == "/api/v2/prospects");
        Assert.Equal("jane@acme.com", sent.Query!["filter[emails]"].Single());
        Assert.StartsWith("Bearer outreach-", sent.Headers!["Authorization"].Single(), StringComparison.Ordinal);
        Assert.Equal("application/vnd.api+json", sent.Headers!["Accept"].Single());
    }

    [Fact]
    public async Task Sequence_states_are_followed_through_links_next()
    {
        Fake.PageSize = 1;
        var states = await _world.Connector().ListSequenceStatesAsync("18", CancellationToken.None);
        Assert.Equal(["180", "181", "182"], states.Select(s => s.Id));
        Assert.Equal(3, Fake.CountRequests("GET", "/api/v2/sequenceStates"));
    }

    [Fact]
    public async Task A_click_through_resolves_to_the_prospect_and_the_rep_who_sent_the_sequence()
    {
        var click = (await _world.Connector().ResolveClickThroughAsync("ct-jane", CancellationToken.None))!;
        Assert.Equal("18", click.Prospect.Id);
        Assert.Equal("sender@hub.test", click.SequenceOwner.Email);
        Assert.Equal("42", click.SequenceId);
        Assert.NotNull(click.ClickedAt);
    }

    [Fact]
    public async Task An_expired_token_is_refreshed_once_with_the_rotated_refresh_token()
    {
        var harness = _world.Harness();
        var connector = harness.Get<OutreachConnector>();
        await connector.GetProspectByEmailAsync("jane@acme.com", CancellationToken.None);
        Fake.ExpireTokens();
        Assert.NotNull(await connector.GetProspectByEmailAsync("jane@acme.com", CancellationToken.None));
        Fake.ExpireTokens();
        Assert.NotNull(await connector.GetProspectByEmailAsync("jane@acme.com", CancellationToken.None));

        Assert.Equal(3, Fake.TokensIssued);
        Assert.Equal(3, harness.Services.GetRequiredService<OutreachApi>().TokenFetches);
    }

    [Fact]
    public async Task The_rotated_refresh_token_is_kept_so_a_restarted_or_second_instance_still_refreshes()
    {
        var shared = new InMemoryConnectorCredentialStore();
        await _world
            .Harness(credentials: shared)
            .Get<OutreachConnector>()
            .GetProspectByEmailAsync("jane@acme.com", CancellationToken.None);

        // The configured token is spent (Outreach rotated it); the next start uses the stored
        // access token while it lives, then refreshes with the stored refresh token.
        var restarted = _world.Harness(credentials: shared).Get<OutreachConnector>();
        Assert.NotNull(await restarted.GetProspectByEmailAsync("jane@acme.com", CancellationToken.None));
        Assert.Equal(1, Fake.TokensIssued);
        Fake.ExpireTokens();
        Assert.NotNull(await restarted.GetProspectByEmailAsync("jane@acme.com", CancellationToken.None));
        Assert.Equal(2, Fake.TokensIssued);
        Assert.NotEqual(
            OutreachFake.InitialRefreshToken,
            await shared.GetAsync("Outreach", "refresh_token", CancellationToken.None)
        );

        var withoutTheStore = _world
            .Harness(credentials: new InMemoryConnectorCredentialStore())
            .Get<OutreachConnector>();
        var error = await Assert.ThrowsAsync<ConnectorException>(() =>
            withoutTheStore.GetProspectByEmailAsync("jane@acme.com", CancellationToken.None)
        );
        Assert.Equal(ConnectorErrorKind.VendorAuthentication, error.Kind);
    }

    [Fact]
    public async Task A_stored_token_that_is_refused_falls_back_to_the_configured_one_after_a_re_authorization()
    {
        var store = new InMemoryConnectorCredentialStore();
        await store.SetAsync("Outreach", "refresh_token", "from-an-old-authorization", CancellationToken.None);

        Assert.NotNull(
            await _world.Connector(credentials: store).GetProspectByEmailAsync("jane@acme.com", CancellationToken.None)
        );
        Assert.NotEqual(
            "from-an-old-authorization",
            await store.GetAsync("Outreach", "refresh_token", CancellationToken.None)
        );
    }

    [Fact]
    public async Task A_revoked_refresh_token_is_a_vendor_authentication_failure()
    {
        var error = await Assert.ThrowsAsync<ConnectorException>(() =>
            _world
                .Connector(s => s["RefreshToken"] = "revoked")
                .GetProspectByEmailAsync("jane@acme.com", CancellationToken.None)
        );
        Assert.Equal(ConnectorErrorKind.VendorAuthentication, error.Kind);
        Assert.DoesNotContain("revoked", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Enrolment_posts_json_api_relationships_and_is_safe_to_repeat()
    {
        var connector = _world.Connector();
        var first = await connector.EnrollProspectAsync(
            new EnrollmentRequest("19", "42", "101", "lead-1/enroll"),
            CancellationToken.None
        );
        var again = await connector.EnrollProspectAsync(
            new EnrollmentRequest("19", "42", "101", "lead-1/enroll"),
            CancellationToken.None
        );

        Assert.True(first.Created);
        Assert.False(again.Created);
        Assert.Single(Fake.SequenceStates(), s => s.Prospect == 19);
        var post = Fake
            .Requests.Select(r => r.RequestMessage!)
            .Single(r => r.Method == "POST" && r.Path == "/api/v2/sequenceStates");
        Assert.Equal("application/vnd.api+json", post.Headers!["Content-Type"].Single().Split(';')[0]);
        Assert.Contains(
            "\"prospect\":{\"data\":{\"type\":\"prospect\",\"id\":19}}",
            post.Body,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public async Task Enrolling_a_new_person_creates_one_prospect_and_sends_from_the_owners_mailbox_even_when_repeated()
    {
        var connector = _world.Connector();
        var request = new PersonEnrollment(
            "new.lead@globex.com",
            "Nia",
            "Lead",
            "CTO",
            "Globex",
            "42",
            "sender@hub.test",
            "lead-2/enroll"
        );
        var first = await connector.EnrollPersonAsync(request, CancellationToken.None);
        var again = await connector.EnrollPersonAsync(request, CancellationToken.None);

        Assert.True(first.Created);
        Assert.False(again.Created);
        var prospect = Assert.Single(Fake.ProspectsWithEmail("new.lead@globex.com"));
        Assert.Equal([(42L, 102L, "active")], prospect.States);
        var create = Fake
            .Requests.Select(r => r.RequestMessage!)
            .Single(r => r.Method == "POST" && r.Path == "/api/v2/prospects");
        Assert.Contains("\"emails\":[\"new.lead@globex.com\"]", create.Body, StringComparison.Ordinal);
        Assert.Contains("\"firstName\":\"Nia\"", create.Body, StringComparison.Ordinal);
        Assert.Equal(
            "sender@hub.test",
            Fake.Requests.Select(r => r.RequestMessage!)
                .First(r => r.Path == "/api/v2/mailboxes")
                .Query!["filter[email]"]
                .Single()
        );
    }

    [Fact]
    public async Task Enrolling_a_known_person_reuses_their_prospect()
    {
        await _world
            .Connector()
            .EnrollPersonAsync(
                new PersonEnrollment("jane@acme.com", "Jane", "Doe", "", "Acme", "77", "sender@hub.test", "k"),
                CancellationToken.None
            );

        Assert.Equal(0, Fake.CountRequests("POST", "/api/v2/prospects"));
        Assert.Contains(Fake.SequenceStates(), s => s.Prospect == 18 && s.Sequence == 77);
    }

    [Fact]
    public async Task An_owner_without_a_mailbox_is_not_found_and_nothing_is_enrolled()
    {
        var error = await Assert.ThrowsAsync<ConnectorException>(() =>
            _world
                .Connector()
                .EnrollPersonAsync(
                    new PersonEnrollment("jane@acme.com", "Jane", "Doe", "", "Acme", "77", "nobody@hub.test", "k"),
                    CancellationToken.None
                )
        );

        Assert.Equal(ConnectorErrorKind.NotFound, error.Kind);
        Assert.Equal(0, Fake.CountRequests("POST", "/api/v2/sequenceStates"));
    }

    [Fact]
    public async Task A_validation_error_names_the_field_from_its_pointer()
    {
        var error = await Assert.ThrowsAsync<ConnectorException>(() =>
            _world
                .Connector()
                .EnrollProspectAsync(new EnrollmentRequest("19", "42", "999", "k"), CancellationToken.None)
        );
        Assert.Equal(ConnectorErrorKind.InvalidArgument, error.Kind);
        Assert.Equal("mailbox", Assert.Single(error.FieldViolations).Field);
    }

    [Fact]
    public async Task Finishing_finishes_only_the_running_states()
    {
        var finished = await _world.Connector().FinishProspectSequencesAsync("18", CancellationToken.None);
        Assert.Equal(2, finished);
        Assert.All(Fake.SequenceStates().Where(s => s.Prospect == 18), s => Assert.Equal("finished", s.State));
    }

    [Fact]
    public async Task Rate_limiting_is_retried_after_the_vendors_signal_and_reported_when_it_persists()
    {
        Fake.HourlyLimit = 0;
        var error = await Assert.ThrowsAsync<ConnectorException>(() =>
            _world
                .Connector(s => s["Resilience:MaxRetryAttempts"] = "1")
                .GetProspectByEmailAsync("jane@acme.com", CancellationToken.None)
        );

        Assert.Equal(ConnectorErrorKind.RateLimited, error.Kind);
        Assert.Equal("rateLimitExceeded", error.Reason);
        Assert.NotNull(error.RetryAfter);
        Assert.Equal(2, Fake.CountRequests("GET", "/api/v2/prospects"));
        Assert.All(
            Fake.Requests.Where(r => r.RequestMessage!.Path.StartsWith("/api/v2", StringComparison.Ordinal)),
            r => Assert.True(r.ResponseMessage!.Headers!.ContainsKey("X-RateLimit-Remaining"))
        );
    }

    [Fact]
    public async Task The_fake_refuses_a_body_without_the_json_api_media_type()
    {
        using var http = new HttpClient { BaseAddress = Fake.BaseUrl };
        var token = await http.PostAsync(
            "oauth/token",
            new FormUrlEncodedContent(
                new Dictionary<string, string>
                {
                    ["client_id"] = OutreachFake.ClientId,
                    ["client_secret"] = OutreachFake.ClientSecret,
                    ["grant_type"] = "refresh_token",
                    ["refresh_token"] = OutreachFake.InitialRefreshToken,
                }
            )
        );
        var access = System.Text.Json.Nodes.JsonNode.Parse(await token.Content.ReadAsStringAsync())![
            "access_token"
        ]!.GetValue<string>();
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/v2/sequenceStates")
        {
            Content = new StringContent("{}", System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Add("Authorization", "Bearer " + access);
        var response = await http.SendAsync(request);
        Assert.Equal(415, (int)response.StatusCode);
        Assert.Contains("unsupportedMediaType", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _world.DisposeAsync().AsTask();
}
