using IntegrationHub.Sdk.Capabilities.Marketing;
using IntegrationHub.Sdk.FakeKit;
using IntegrationHub.Sdk.TestKit.Conformance;

namespace IntegrationHub.Connectors.Marketo.Tests;

/// <summary>The SDK's marketing conformance suite, run against the Marketo connector and its fake.</summary>
public sealed class MarketoConformanceTests : MarketingConformance, IAsyncLifetime
{
    private readonly MarketoWorld _world = new();

    protected override int TaggedProgramCount => MarketoWorld.Tagged;

    protected override string KnownEmail => "jane@acme.com";

    protected override VendorFake Vendor => _world.Fake;

    protected override MarketingProgram KnownProgram => MarketoWorld.Program(3);

    protected override PersonEngagement KnownEngagement => MarketoWorld.Jane;

    protected override Task<IMarketingConnector> CreateConnectorAsync(VendorCondition condition) =>
        Task.FromResult(_world.Connector(SettingsFor(condition)));

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _world.DisposeAsync().AsTask();
}
