using IntegrationHub.Sdk.Capabilities.Marketing;
using IntegrationHub.Sdk.TestKit.Conformance;

namespace IntegrationHub.Connectors.Marketo.Tests;

/// <summary>The SDK's marketing conformance suite, run against the Marketo connector and its fake.</summary>
public sealed class MarketoConformanceTests : MarketingConformance, IAsyncLifetime
{
    private readonly MarketoWorld _world = new();

    protected override int TaggedProgramCount => MarketoWorld.Tagged;

    protected override string KnownEmail => "jane@acme.com";

    protected override Task<IMarketingConnector> CreateConnectorAsync(VendorCondition condition)
    {
        if (condition == VendorCondition.Down)
        {
            _world.Fake.GoDown();
        }

        return Task.FromResult(_world.Connector());
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _world.DisposeAsync().AsTask();
}
