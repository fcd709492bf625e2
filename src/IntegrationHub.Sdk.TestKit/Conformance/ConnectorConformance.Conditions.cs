using IntegrationHub.Sdk.Errors;
using IntegrationHub.Sdk.FakeKit;
using Xunit;
using Rehearsal = IntegrationHub.Sdk.Sandbox.VendorCondition;

namespace IntegrationHub.Sdk.TestKit.Conformance;

/// <summary>
/// Each vendor condition, in the vendor's own shape, maps to the error kind the SDK documents for it
/// (connectors/README.md, "Conformance"), and nothing but a <see cref="ConnectorException"/> leaves the connector.
/// </summary>
public abstract partial class ConnectorConformance<TConnector>
{
    [Fact]
    public async Task Vendor_outage_is_vendor_unavailable()
    {
        var connector = await CreateConnectorAsync(VendorCondition.Down);
        Vendor.GoDown();
        await AssertFailsWith(ConnectorErrorKind.VendorUnavailable, () =>
            CallVendorAsync(connector, CancellationToken.None).WaitAsync(Patience)
        );
    }

    [Fact]
    public async Task A_vendor_slower_than_the_deadline_is_vendor_unavailable()
    {
        var connector = await ReadyAsync(VendorCondition.Slow);
        var hold = Vendor.Hold();
        try
        {
            await AssertFailsWith(ConnectorErrorKind.VendorUnavailable, () =>
                CallVendorAsync(connector, CancellationToken.None).WaitAsync(Patience)
            );
        }
        finally
        {
            hold.Release();
        }
    }

    [Fact]
    public async Task Throttling_is_rate_limited_with_the_vendors_retry_time()
    {
        var connector = await ReadyAsync(VendorCondition.Throttled);
        Vendor.Impose(Rehearsal.Throttled(), TimeSpan.FromHours(1));
        var error = await AssertFailsWith(ExpectedKind(VendorCondition.Throttled), () =>
            CallVendorAsync(connector, CancellationToken.None).WaitAsync(Patience)
        );
        Assert.True(error.RetryAfter is null || error.RetryAfter > TimeSpan.Zero, $"RetryAfter {error.RetryAfter}");
    }

    [Fact]
    public Task A_spent_quota_is_quota_exhausted() => FailsWith(VendorCondition.QuotaSpent, FakeTrouble.QuotaSpent);

    [Fact]
    public Task Refused_credentials_are_vendor_authentication() =>
        FailsWith(VendorCondition.BadCredentials, FakeTrouble.CredentialsRefused);

    [Fact]
    public Task A_malformed_body_is_vendor_protocol() =>
        FailsWith(VendorCondition.MalformedBody, FakeTrouble.MalformedBody);

    [Fact]
    public async Task A_request_the_vendor_refuses_as_bad_is_not_retried()
    {
        var connector = await ReadyAsync(VendorCondition.RequestRefused);
        Vendor.CurrentTrouble = FakeTrouble.RequestRefused;
        var before = Vendor.Received;
        await Assert.ThrowsAsync<ConnectorException>(() =>
            CallVendorAsync(connector, CancellationToken.None).WaitAsync(Patience)
        );
        Assert.Equal(1, Vendor.Received - before);
    }

    private async Task FailsWith(VendorCondition condition, FakeTrouble trouble)
    {
        var connector = await ReadyAsync(condition);
        Vendor.CurrentTrouble = trouble;
        await AssertFailsWith(ExpectedKind(condition), () =>
            CallVendorAsync(connector, CancellationToken.None).WaitAsync(Patience)
        );
    }
}
