using IntegrationHub.Sdk.Sandbox;

namespace IntegrationHub.Connectors.Outreach.Fake;

/// <summary>Starts the Outreach fake for sandbox mode, seeded with the seed's prospects, reps and click-throughs.</summary>
public sealed class OutreachSandbox : ISandboxVendor
{
    private OutreachFake? _fake;

    /// <summary>The running fake, for tests that inject faults into a sandboxed hub.</summary>
    public OutreachFake? Fake => _fake;

    public string ConnectorName => "Outreach";

    public Task<IReadOnlyDictionary<string, string?>> StartAsync(SandboxSeed seed, CancellationToken cancellationToken)
    {
        _fake = new OutreachFake { HourlyLimit = int.MaxValue };
        _fake.Seed(seed, DateTimeOffset.UtcNow);
        return Task.FromResult<IReadOnlyDictionary<string, string?>>(new Dictionary<string, string?>
        {
            ["BaseUrl"] = _fake.BaseUrl.ToString(),
            ["ClientId"] = OutreachFake.ClientId,
            ["ClientSecret"] = OutreachFake.ClientSecret,
            ["RefreshToken"] = OutreachFake.InitialRefreshToken,
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
