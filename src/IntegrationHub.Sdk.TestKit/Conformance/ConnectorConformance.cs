using IntegrationHub.Sdk.Errors;
using IntegrationHub.Sdk.FakeKit;
using Xunit;

namespace IntegrationHub.Sdk.TestKit.Conformance;

/// <summary>
/// What every connector of a capability must do, whoever wrote it. A partner proves a new
/// plugin by deriving the capability's suite (for example <see cref="EnrichmentConformance"/>)
/// in a test project, handing in its fake (<see cref="Vendor"/>), saying how to build the connector
/// against it, and what the fake was seeded with. The suite then checks the results field by field,
/// cancellation mid-call and every vendor condition (this class's other parts).
/// </summary>
public abstract partial class ConnectorConformance<TConnector>
    where TConnector : class
{
    /// <summary>How long a cancelled call may take to end: generous, a slow machine is no failure.</summary>
    protected static readonly TimeSpan Promptly = TimeSpan.FromSeconds(10);

    /// <summary>How long any call may take, a vendor's deadline and retries included.</summary>
    protected static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    /// <summary>
    /// Builds the connector against its vendor fake. The suite puts the fake in <paramref name="condition"/> itself;
    /// build with short retries and timeouts (a second or two) for <see cref="VendorCondition.Down"/> and
    /// <see cref="VendorCondition.Slow"/>, the suite only needs the outcome.
    /// </summary>
    protected abstract Task<TConnector> CreateConnectorAsync(VendorCondition condition);

    /// <summary>
    /// The fake the connector calls: the suite holds its requests, and imposes outages, throttling, a spent quota,
    /// refused credentials and spoilt bodies through it, each answered in the vendor's own shape.
    /// </summary>
    protected virtual VendorFake Vendor => throw NotHandedIn(nameof(Vendor));

    /// <summary>
    /// The clock the connector and its fake were built with; the suite measures "tomorrow" and
    /// "in the past" by it. Defaults to <see cref="TestClock.Running"/>.
    /// </summary>
    protected virtual TimeProvider Time => TestClock.Running();

    /// <summary>
    /// The error kind the SDK documents for a vendor condition (connectors/README.md, "Conformance"). Override only
    /// for a vendor with one signal for two conditions, and say why: Salesforce's only throttle is its spent daily
    /// allowance (QuotaExhausted), Outreach's only quota its hourly rate limit (RateLimited).
    /// </summary>
    protected virtual ConnectorErrorKind ExpectedKind(VendorCondition condition) =>
        condition switch
        {
            VendorCondition.Throttled => ConnectorErrorKind.RateLimited,
            VendorCondition.QuotaSpent => ConnectorErrorKind.QuotaExhausted,
            VendorCondition.BadCredentials => ConnectorErrorKind.VendorAuthentication,
            VendorCondition.MalformedBody => ConnectorErrorKind.VendorProtocol,
            VendorCondition.Down or VendorCondition.Slow => ConnectorErrorKind.VendorUnavailable,
            // A refused request may be the caller's bad input or the connector's bad query: any kind, sent once.
            _ => throw new ArgumentOutOfRangeException(nameof(condition), condition, "No one kind is documented."),
        };

    /// <summary>One representative read of the capability, which reaches the vendor.</summary>
    private protected abstract Task CallVendorAsync(TConnector connector, CancellationToken cancellationToken);

    /// <summary>
    /// Settings to apply over a connector's (as written under <c>Connectors:&lt;Name&gt;</c>) for
    /// <paramref name="condition"/>: a half-second attempt timeout when the vendor is down or slow, so the suite
    /// learns the outcome quickly; null otherwise.
    /// </summary>
    protected static Action<Dictionary<string, string?>>? SettingsFor(VendorCondition condition) =>
        condition is VendorCondition.Down or VendorCondition.Slow
            ? settings => settings["Resilience:AttemptTimeout"] = "00:00:00.500"
            : null;

    /// <summary>Says which member a partner's suite must override for a deeper check.</summary>
    protected static InvalidOperationException NotHandedIn(string member) =>
        new($"Override {member} in the conformance suite: the suite needs it to check the connector.");

    protected static async Task<ConnectorException> AssertFailsWith(ConnectorErrorKind kind, Func<Task> call)
    {
        var error = await Assert.ThrowsAsync<ConnectorException>(call);
        Assert.Equal(kind, error.Kind);
        return error;
    }

    protected static Task AssertCancelled(Func<CancellationToken, Task> call)
    {
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();
        return Assert.ThrowsAnyAsync<OperationCanceledException>(() => call(cancelled.Token));
    }

    /// <summary>
    /// The connector after one healthy call, so it holds any token it needs and a condition meets the call itself.
    /// </summary>
    private async Task<TConnector> ReadyAsync(VendorCondition condition)
    {
        var connector = await CreateConnectorAsync(condition);
        await CallVendorAsync(connector, CancellationToken.None);
        return connector;
    }

    [Fact]
    public async Task Cancellation_is_honoured()
    {
        var connector = await CreateConnectorAsync(VendorCondition.Healthy);
        await AssertCancelled(ct => CallVendorAsync(connector, ct));
    }

    [Fact]
    public async Task Cancelling_mid_call_ends_the_call_promptly_and_aborts_the_vendor_request()
    {
        var connector = await ReadyAsync(VendorCondition.Healthy);
        var hold = Vendor.Hold();
        try
        {
            using var cancel = new CancellationTokenSource();
            var call = CallVendorAsync(connector, cancel.Token);
            await hold.Arrived.WaitAsync(Patience);
            await cancel.CancelAsync();

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => call.WaitAsync(Promptly));
            await hold.Aborted.WaitAsync(Promptly);
        }
        finally
        {
            hold.Release();
        }
    }
}
