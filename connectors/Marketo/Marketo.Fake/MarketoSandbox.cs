using IntegrationHub.Sdk.Sandbox;

namespace IntegrationHub.Connectors.Marketo.Fake;

/// <summary>Starts the Marketo fake for sandbox mode, seeded with the seed's programs and engagements.</summary>
public sealed class MarketoSandbox : ISandboxVendor
{
    private MarketoFake? _fake;

    /// <summary>The running fake, for tests that inject faults into a sandboxed hub.</summary>
    public MarketoFake? Fake => _fake;

    public string ConnectorName => "Marketo";

    public Task<IReadOnlyDictionary<string, string?>> StartAsync(SandboxSeed seed, CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow;
        _fake = new MarketoFake { CallsPer20Seconds = int.MaxValue, MaxConcurrent = int.MaxValue };
        _fake.Seed(seed.Programs.Select(p => p with { UpdatedAt = seed.Shift(p.UpdatedAt, now) }),
            seed.Engagements.Select(e => e with { LastInterestingMomentAt = seed.Shift(e.LastInterestingMomentAt, now) }));
        return Task.FromResult<IReadOnlyDictionary<string, string?>>(new Dictionary<string, string?>
        {
            ["BaseUrl"] = _fake.BaseUrl.ToString(),
            ["ClientId"] = MarketoFake.ClientId,
            ["ClientSecret"] = MarketoFake.ClientSecret,
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
