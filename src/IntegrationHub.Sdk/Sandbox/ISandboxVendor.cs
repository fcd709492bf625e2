namespace IntegrationHub.Sdk.Sandbox;

/// <summary>
/// An in-process fake of a vendor, found by scanning like connectors. In sandbox mode (a
/// chosen connector with no credentials) the host starts it on a loopback port and applies the
/// returned settings under <c>Connectors:&lt;Name&gt;</c>, then, once its own clock exists and
/// before it serves anything, seeds it from the seed file.
/// </summary>
public interface ISandboxVendor : IAsyncDisposable
{
    /// <summary>The connector this fake stands in for.</summary>
    string ConnectorName { get; }

    /// <summary>
    /// Starts the fake, empty, and returns the connector settings that point at it (relative
    /// keys such as "BaseUrl", "ClientId", "ClientSecret").
    /// </summary>
    Task<IReadOnlyDictionary<string, string?>> StartAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Seeds the started fake and gives it the hub's clock. The fake answers by that clock from
    /// now on (token expiry, rate-limit windows, timestamps), and the seed's times are shifted
    /// to its now, so "ten days ago" in the seed is ten days before the hub's now on any day,
    /// under a test's fake clock too. A fake never reads the wall clock.
    /// </summary>
    Task SeedAsync(SandboxSeed seed, TimeProvider time, CancellationToken cancellationToken);

    /// <summary>
    /// Lifts the started fake's rate and daily limits, which are otherwise the vendor's documented ones: for load
    /// runs (<c>Sandbox:VendorLimits=Unlimited</c>, bench), never for a demo. A fake without limits does nothing.
    /// </summary>
    void LiftLimits() { }
}
