using IntegrationHub.Sdk.Sandbox;

namespace IntegrationHub.Connectors.SixSense.Fake;

/// <summary>Starts the 6sense fake for sandbox mode, seeded with the seed's companies.</summary>
public sealed class SixSenseSandbox : ISandboxVendor
{
    private SixSenseFake? _fake;

    /// <summary>The running fake, for tests that inject faults into a sandboxed hub.</summary>
    public SixSenseFake? Fake => _fake;

    public string ConnectorName => "SixSense";

    public Task<IReadOnlyDictionary<string, string?>> StartAsync(SandboxSeed seed, CancellationToken cancellationToken)
    {
        _fake = new SixSenseFake { CallsPerMinute = int.MaxValue };
        _fake.Seed(seed.Companies);
        return Task.FromResult<IReadOnlyDictionary<string, string?>>(new Dictionary<string, string?>
        {
            ["BaseUrl"] = _fake.BaseUrl.ToString(),
            ["ApiToken"] = SixSenseFake.ValidToken,
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (_fake is not null)
        {
            await _fake.DisposeAsync();
        }
    }
}
