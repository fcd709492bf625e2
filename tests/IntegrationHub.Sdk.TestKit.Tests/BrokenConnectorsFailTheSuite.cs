using IntegrationHub.Connectors.SixSense.Fake;
using IntegrationHub.Sdk.Capabilities.Enrichment;
using IntegrationHub.Sdk.TestKit.Conformance;
using IntegrationHub.Sdk.TestKit.Tests.Broken;
using Xunit.Sdk;

namespace IntegrationHub.Sdk.TestKit.Tests;

/// <summary>
/// Each bug class the conformance suite exists to catch, in a deliberately broken connector, fails the check meant
/// for it with an assertion (not a harness error); the real connector passes the same check, so the failure is the
/// bug's. The checks are the suite's own public test methods, called one by one.
/// </summary>
public sealed class BrokenConnectorsFailTheSuite
{
    private static readonly Func<IEnrichmentConnector, SixSenseFake, IEnrichmentConnector> Real = (connector, _) =>
        connector;

    public static TheoryData<string> Checks() =>
        [
            nameof(EnrichmentConformance.The_identified_company_is_every_field_the_fake_was_seeded_with),
            nameof(EnrichmentConformance.Cancelling_mid_call_ends_the_call_promptly_and_aborts_the_vendor_request),
            nameof(EnrichmentConformance.Vendor_outage_is_vendor_unavailable),
            nameof(EnrichmentConformance.Throttling_is_rate_limited_with_the_vendors_retry_time),
            nameof(EnrichmentConformance.A_spent_quota_is_quota_exhausted),
            nameof(EnrichmentConformance.Refused_credentials_are_vendor_authentication),
            nameof(EnrichmentConformance.A_request_the_vendor_refuses_as_bad_is_not_retried),
        ];

    [Theory]
    [MemberData(nameof(Checks))]
    public async Task The_real_connector_passes_each_check(string check)
    {
        await using var suite = new EnrichmentSuiteUnderTest(Real);
        await Run(suite, check);
    }

    [Fact]
    public async Task A_country_name_written_into_the_country_code_fails_the_seeded_fields_check()
    {
        await using var suite = new EnrichmentSuiteUnderTest((c, _) => new CountryNameAsCode(c));
        var failure = await Assert.ThrowsAnyAsync<XunitException>(() =>
            suite.The_identified_company_is_every_field_the_fake_was_seeded_with()
        );
        Assert.Contains("CountryCode: seeded 'DE', got 'Germany'", failure.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_accounts_bdr_read_into_its_owner_fails_the_crm_seeded_fields_check()
    {
        await using var real = new CrmSuiteUnderTest(c => c);
        await real.The_account_is_every_field_the_fake_was_seeded_with();

        await using var broken = new CrmSuiteUnderTest(c => new BdrAsOwner(c));
        var failure = await Assert.ThrowsAnyAsync<XunitException>(
            broken.The_account_is_every_field_the_fake_was_seeded_with
        );
        Assert.Contains(
            "OwnerUserId: seeded '005MGR000000000YBA', got '005BDR000000000YBA'",
            failure.Message,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public async Task A_token_dropped_after_its_first_check_fails_the_mid_call_cancellation_check()
    {
        await using var suite = new EnrichmentSuiteUnderTest((c, _) => new TokenDroppedAfterFirstCheck(c));
        // The old check, a token cancelled before the call, cannot tell it from a connector that honours the token.
        await suite.Cancellation_is_honoured();
        await Assert.ThrowsAnyAsync<XunitException>(
            suite.Cancelling_mid_call_ends_the_call_promptly_and_aborts_the_vendor_request
        );
    }

    [Fact]
    public async Task A_raw_http_request_exception_escaping_fails_every_vendor_condition_check()
    {
        Func<EnrichmentConformance, Task>[] checks =
        [
            s => s.Vendor_outage_is_vendor_unavailable(),
            s => s.Throttling_is_rate_limited_with_the_vendors_retry_time(),
            s => s.A_spent_quota_is_quota_exhausted(),
            s => s.Refused_credentials_are_vendor_authentication(),
            s => s.A_request_the_vendor_refuses_as_bad_is_not_retried(),
        ];
        foreach (var check in checks)
        {
            await using var suite = new EnrichmentSuiteUnderTest((_, fake) => new RawHttpConnector(fake));
            var failure = await Assert.ThrowsAnyAsync<XunitException>(() => check(suite));
            Assert.Contains(nameof(HttpRequestException), failure.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Retrying_a_request_the_vendor_refused_as_bad_fails_the_no_retry_check()
    {
        await using var suite = new EnrichmentSuiteUnderTest((c, _) => new RetriedWhenRefused(c));
        var failure = await Assert.ThrowsAnyAsync<XunitException>(
            suite.A_request_the_vendor_refuses_as_bad_is_not_retried
        );
        Assert.Contains("Expected: 1", failure.Message, StringComparison.Ordinal);
    }

    private static Task Run(EnrichmentConformance suite, string check) =>
        (Task)typeof(EnrichmentConformance).GetMethod(check)!.Invoke(suite, null)!;
}
