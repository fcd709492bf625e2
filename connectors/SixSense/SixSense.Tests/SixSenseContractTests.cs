using System.Net;
using IntegrationHub.Connectors.SixSense.Fake;
using IntegrationHub.Sdk.Capabilities.Enrichment;
using IntegrationHub.Sdk.Errors;
using IntegrationHub.Sdk.FakeKit;
using Microsoft.Extensions.Time.Testing;

namespace IntegrationHub.Connectors.SixSense.Tests;

/// <summary>The 6sense connector against the fake of its real API shape.</summary>
public sealed class SixSenseContractTests : IAsyncLifetime
{
    private readonly SixSenseWorld _world = new();

    private SixSenseFake Fake => _world.Fake;

    [Fact]
    public async Task It_sends_the_ip_with_the_token_scheme_not_bearer()
    {
        await _world.Connector().IdentifyCompanyAsync(SixSenseWorld.AcmeIp, CancellationToken.None);

        var sent = Assert.Single(Fake.Requests).RequestMessage!;
        Assert.Equal("/v3/company/details", sent.Path);
        Assert.Equal("203.0.113.10", sent.Query!["ip"].Single());
        Assert.Equal("Token " + SixSenseFake.ValidToken, sent.Headers!["Authorization"].Single());
    }

    [Fact]
    public async Task It_reads_numbers_sent_as_strings_blanks_scores_and_segments()
    {
        var result = await _world.Connector().IdentifyCompanyAsync(SixSenseWorld.AcmeIp, CancellationToken.None);

        Assert.Equal(MatchStatus.Match, result.MatchStatus);
        Assert.Equal(MatchConfidence.VeryHigh, result.Confidence);
        Assert.Equal(2300, result.Company!.EmployeeCount);
        Assert.Equal(310_000_000, result.Company.AnnualRevenueUsd);
        Assert.Equal("", result.Company.Naics);
        Assert.Equal("hub_platform", result.ProductScores[0].Product);
        Assert.Equal(BuyingStage.Consideration, result.ProductScores[0].BuyingStage);
        Assert.True(result.ProductScores[0].IsQualifiedAccount);
        Assert.Equal([4713L, 28237L], result.Segments.Select(s => s.Id));
    }

    [Fact]
    public async Task An_ipv6_visitor_is_identified_too()
    {
        var result = await _world
            .Connector()
            .IdentifyCompanyAsync(IPAddress.Parse("2001:db8:a::42"), CancellationToken.None);
        Assert.Equal("acme.com", result.Company?.Domain);
    }

    [Fact]
    public async Task An_isp_is_a_non_actionable_match_and_an_unknown_ip_no_match()
    {
        var connector = _world.Connector();
        Assert.Equal(
            MatchStatus.NonActionable,
            (await connector.IdentifyCompanyAsync(SixSenseWorld.IspIp, CancellationToken.None)).MatchStatus
        );
        Assert.Equal(
            MatchStatus.NoMatch,
            (await connector.IdentifyCompanyAsync(SixSenseWorld.UnknownIp, CancellationToken.None)).MatchStatus
        );
    }

    [Fact]
    public async Task Unpublished_scores_and_segments_come_back_empty()
    {
        Fake.ScoresPublished = false;
        var result = await _world.Connector().IdentifyCompanyAsync(SixSenseWorld.AcmeIp, CancellationToken.None);
        Assert.Empty(result.ProductScores);
        Assert.Empty(result.Segments);
        Assert.Equal("acme.com", result.Company?.Domain);
    }

    [Fact]
    public async Task A_token_of_another_api_group_is_a_vendor_authentication_failure()
    {
        var error = await Assert.ThrowsAsync<ConnectorException>(() =>
            _world
                .Connector(SixSenseFake.OtherGroupToken)
                .IdentifyCompanyAsync(SixSenseWorld.AcmeIp, CancellationToken.None)
        );
        Assert.Equal(ConnectorErrorKind.VendorAuthentication, error.Kind);
        Assert.DoesNotContain(SixSenseFake.OtherGroupToken, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Exhausted_credits_are_a_quota_failure_and_are_not_retried()
    {
        Fake.CreditsExhausted = true;
        var error = await Assert.ThrowsAsync<ConnectorException>(() =>
            _world.Connector().IdentifyCompanyAsync(SixSenseWorld.AcmeIp, CancellationToken.None)
        );
        Assert.Equal(ConnectorErrorKind.QuotaExhausted, error.Kind);
        Assert.Equal(1, Fake.CountRequests("GET", "/v3/company/details"));
    }

    [Fact]
    public async Task Throttling_without_rate_headers_is_retried_with_back_off_until_it_passes()
    {
        Fake.FailNext(2, FakeResponse.Json(429, new { status = "error", message = "Too Many Requests" }));
        var result = await _world.Connector().IdentifyCompanyAsync(SixSenseWorld.AcmeIp, CancellationToken.None);
        Assert.Equal(MatchStatus.Match, result.MatchStatus);
        Assert.Equal(3, Fake.CountRequests("GET", "/v3/company/details"));
    }

    [Fact]
    public async Task Throttling_that_outlasts_the_retries_is_rate_limited()
    {
        Fake.CallsPerMinute = 0;
        var error = await Assert.ThrowsAsync<ConnectorException>(() =>
            _world.Connector().IdentifyCompanyAsync(SixSenseWorld.AcmeIp, CancellationToken.None)
        );
        Assert.Equal(ConnectorErrorKind.RateLimited, error.Kind);
        Assert.Equal(3, Fake.CountRequests("GET", "/v3/company/details"));
    }

    [Theory]
    [InlineData("10.1.2.3")]
    [InlineData("192.168.0.10")]
    [InlineData("127.0.0.1")]
    [InlineData("fe80::1")]
    public async Task A_private_address_is_refused_before_any_call(string ip)
    {
        var error = await Assert.ThrowsAsync<ConnectorException>(() =>
            _world.Connector().IdentifyCompanyAsync(IPAddress.Parse(ip), CancellationToken.None)
        );
        Assert.Equal(ConnectorErrorKind.InvalidArgument, error.Kind);
        Assert.Equal("ip_address", Assert.Single(error.FieldViolations).Field);
        Assert.Empty(Fake.Requests);
    }

    [Fact]
    public async Task The_circuit_opens_during_an_outage_fails_fast_and_closes_after_it()
    {
        // The break runs on a fake clock, so the test moves past it instead of sleeping through it.
        var time = new FakeTimeProvider();
        var connector = _world.Connector(
            tune: s =>
            {
                s["Resilience:MaxRetryAttempts"] = "0";
                s["Resilience:CircuitMinimumThroughput"] = "4";
                s["Resilience:CircuitFailureRatio"] = "0.5";
                s["Resilience:CircuitBreakDuration"] = "00:00:00.500";
            },
            time: time
        );
        Fake.GoDown();
        for (var i = 0; i < 4; i++)
        {
            await Assert.ThrowsAsync<ConnectorException>(() =>
                connector.IdentifyCompanyAsync(SixSenseWorld.AcmeIp, CancellationToken.None)
            );
        }

        var reachedDuringOutage = Fake.CountRequests("GET", "/v3/company/details");
        var open = await Assert.ThrowsAsync<ConnectorException>(() =>
            connector.IdentifyCompanyAsync(SixSenseWorld.AcmeIp, CancellationToken.None)
        );
        Assert.Equal("VENDOR_CIRCUIT_OPEN", open.Reason);
        Assert.Equal(reachedDuringOutage, Fake.CountRequests("GET", "/v3/company/details"));

        Fake.ComeBack();
        time.Advance(TimeSpan.FromSeconds(1));
        var result = await connector.IdentifyCompanyAsync(SixSenseWorld.AcmeIp, CancellationToken.None);
        Assert.Equal(MatchStatus.Match, result.MatchStatus);
    }

    [Fact]
    public async Task A_slow_vendor_times_out_as_unavailable()
    {
        Fake.Latency = TimeSpan.FromSeconds(2);
        var connector = _world.Connector(tune: s =>
        {
            s["Resilience:MaxRetryAttempts"] = "0";
            s["Resilience:AttemptTimeout"] = "00:00:00.200";
        });
        var error = await Assert.ThrowsAsync<ConnectorException>(() =>
            connector.IdentifyCompanyAsync(SixSenseWorld.AcmeIp, CancellationToken.None)
        );
        Assert.Equal(ConnectorErrorKind.VendorUnavailable, error.Kind);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _world.DisposeAsync().AsTask();
}
