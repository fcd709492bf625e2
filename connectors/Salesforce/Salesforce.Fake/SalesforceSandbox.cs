using IntegrationHub.Sdk.Sandbox;

namespace IntegrationHub.Connectors.Salesforce.Fake;

/// <summary>Starts the Salesforce fake for sandbox mode, seeded with the seed's CRM data.</summary>
public sealed class SalesforceSandbox : ISandboxVendor
{
    private SalesforceFake? _fake;

    /// <summary>The running fake, for tests that inject faults into a sandboxed hub.</summary>
    public SalesforceFake? Fake => _fake;

    public string ConnectorName => "Salesforce";

    public Task<IReadOnlyDictionary<string, string?>> StartAsync(SandboxSeed seed, CancellationToken cancellationToken)
    {
        _fake = new SalesforceFake { DailyApiLimit = int.MaxValue };
        _fake.Seed(seed, DateTimeOffset.UtcNow);
        return Task.FromResult<IReadOnlyDictionary<string, string?>>(new Dictionary<string, string?>
        {
            ["BaseUrl"] = _fake.BaseUrl.ToString(),
            ["ClientId"] = SalesforceFake.ClientId,
            ["ClientSecret"] = SalesforceFake.ClientSecret,
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
