using IntegrationHub.Connectors.Marketo.Fake;
using IntegrationHub.Sdk.Errors;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationHub.Connectors.Marketo.Tests;

/// <summary>The Marketo connector against the fake of its real API, errors-in-200 included.</summary>
public sealed class MarketoContractTests : IAsyncLifetime
{
    private readonly MarketoWorld _world = new();

    private MarketoFake Fake => _world.Fake;

    [Fact]
    public async Task Tagged_programs_are_paged_by_offset_and_sorted_despite_the_shuffle()
    {
        var programs = await _world
            .Connector()
            .ListProgramsByTagAsync("UsedWithQualified", "True", CancellationToken.None);

        Assert.Equal(
            Enumerable
                .Range(1001, MarketoWorld.Tagged)
                .Select(i => i.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            programs.Select(p => p.Id)
        );
        Assert.Equal(new DateTimeOffset(2026, 10, 2, 8, 0, 0, TimeSpan.Zero), programs[0].UpdatedAt);
        var offsets = Fake
            .Requests.Select(r => r.RequestMessage!)
            .Where(r => r.Path.EndsWith("byTag.json", StringComparison.Ordinal))
            .Select(r => r.Query!["offset"].Single());
        Assert.Equal(["0", "5", "10"], offsets);
    }

    [Fact]
    public async Task It_sends_the_token_as_a_bearer_header_never_as_a_query_parameter()
    {
        await _world.Connector().GetPersonEngagementAsync("jane@acme.com", CancellationToken.None);
        var sent = Fake.Requests.Select(r => r.RequestMessage!).Single(r => r.Path == "/rest/v1/leads.json");
        Assert.StartsWith("Bearer ", sent.Headers!["Authorization"].Single(), StringComparison.Ordinal);
        Assert.False(sent.Query!.ContainsKey("access_token"));
        Assert.Equal("email", sent.Query["filterType"].Single());
    }

    [Fact]
    public async Task Engagement_reads_score_and_moment_with_marketos_timestamp_format()
    {
        var jane = (await _world.Connector().GetPersonEngagementAsync("jane@acme.com", CancellationToken.None))!;
        Assert.Equal(130, jane.LeadScore);
        Assert.Equal("Attended webinar: Q4 Product Webinar", jane.LastInterestingMoment);
        Assert.Equal(new DateTimeOffset(2026, 10, 1, 8, 0, 0, TimeSpan.Zero), jane.LastInterestingMomentAt);
    }

    [Fact]
    public async Task An_expired_token_602_is_renewed_once_and_the_call_succeeds()
    {
        var harness = _world.Harness();
        var connector = harness.Get<MarketoConnector>();
        await connector.GetPersonEngagementAsync("jane@acme.com", CancellationToken.None);
        Fake.ExpireToken();

        Assert.NotNull(await connector.GetPersonEngagementAsync("jane@acme.com", CancellationToken.None));
        Assert.Equal(2, Fake.TokensIssued);
        Assert.Equal(2, harness.Services.GetRequiredService<MarketoApi>().TokenFetches);
    }

    [Fact]
    public async Task Rate_limit_606_inside_http_200_is_retried_by_the_pipeline_then_reported()
    {
        Fake.CallsPer20Seconds = 0;
        var error = await Assert.ThrowsAsync<ConnectorException>(() =>
            _world.Connector().GetPersonEngagementAsync("jane@acme.com", CancellationToken.None)
        );
        Assert.Equal(ConnectorErrorKind.RateLimited, error.Kind);
        Assert.Equal("MARKETO_606", error.Reason);
        Assert.Equal(3, Fake.CountRequests("GET", "/rest/v1/leads.json"));
    }

    [Fact]
    public async Task A_606_that_clears_is_invisible_to_the_caller()
    {
        Fake.FailNext(
            1,
            Sdk.FakeKit.FakeResponse.Json(
                200,
                new
                {
                    success = false,
                    errors = new[] { new { code = "615", message = "Concurrent access limit reached" } },
                }
            )
        );
        var connector = _world.Connector();
        // That 615 lands on the first request, the identity call, and is retried like any other; now one on a REST
        // call.
        await connector.GetPersonEngagementAsync("max@acme.com", CancellationToken.None);
        Fake.FailNext(
            1,
            Sdk.FakeKit.FakeResponse.Json(
                200,
                new
                {
                    success = false,
                    errors = new[]
                    {
                        new { code = "606", message = "Max rate limit '100' exceeded with in '20' secs" },
                    },
                }
            )
        );
        Assert.Equal(40, (await connector.GetPersonEngagementAsync("max@acme.com", CancellationToken.None))!.LeadScore);
    }

    [Fact]
    public async Task The_daily_quota_607_is_reported_at_once_with_the_reset_time()
    {
        Fake.DailyQuotaReached = true;
        var error = await Assert.ThrowsAsync<ConnectorException>(() =>
            _world.Connector().GetPersonEngagementAsync("jane@acme.com", CancellationToken.None)
        );
        Assert.Equal(ConnectorErrorKind.QuotaExhausted, error.Kind);
        Assert.InRange(error.RetryAfter!.Value, TimeSpan.Zero, TimeSpan.FromHours(24));
        Assert.Equal(1, Fake.CountRequests("GET", "/rest/v1/leads.json"));
    }

    [Fact]
    public async Task Bad_client_credentials_are_a_vendor_authentication_failure()
    {
        var error = await Assert.ThrowsAsync<ConnectorException>(() =>
            _world
                .Connector(s => s["ClientSecret"] = "nope-secret")
                .GetPersonEngagementAsync("jane@acme.com", CancellationToken.None)
        );
        Assert.Equal(ConnectorErrorKind.VendorAuthentication, error.Kind);
        Assert.DoesNotContain("nope-secret", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_assets_is_an_empty_list_not_an_error()
    {
        Assert.Empty(
            await _world.Connector().ListProgramsByTagAsync("UsedWithQualified", "Maybe", CancellationToken.None)
        );
    }

    [Fact]
    public async Task A_url_over_8kb_is_refused_as_invalid()
    {
        var error = await Assert.ThrowsAsync<ConnectorException>(() =>
            _world.Connector().GetPersonEngagementAsync(new string('a', 9000) + "@x.io", CancellationToken.None)
        );
        Assert.Equal(ConnectorErrorKind.InvalidArgument, error.Kind);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _world.DisposeAsync().AsTask();
}
