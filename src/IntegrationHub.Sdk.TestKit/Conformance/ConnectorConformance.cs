using IntegrationHub.Sdk.Errors;
using Xunit;

namespace IntegrationHub.Sdk.TestKit.Conformance;

/// <summary>
/// What every connector of a capability must do, whoever wrote it. A partner proves a new
/// plugin by deriving the capability's suite (for example <see cref="EnrichmentConformance"/>)
/// in a test project and saying how to build the connector against its fake.
/// </summary>
public abstract class ConnectorConformance<TConnector>
    where TConnector : class
{
    /// <summary>
    /// Builds the connector against its vendor fake in the given condition. Keep retries and
    /// timeouts short for <see cref="VendorCondition.Down"/>; the suite only needs the outcome.
    /// </summary>
    protected abstract Task<TConnector> CreateConnectorAsync(VendorCondition condition);

    /// <summary>
    /// The clock the connector and its fake were built with; the suite measures "tomorrow" and
    /// "in the past" by it. Defaults to <see cref="TestClock.Running"/>.
    /// </summary>
    protected virtual TimeProvider Time => TestClock.Running();

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
}
