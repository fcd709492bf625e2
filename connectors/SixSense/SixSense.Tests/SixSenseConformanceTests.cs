using System.Net;
using IntegrationHub.Sdk.Capabilities.Enrichment;
using IntegrationHub.Sdk.FakeKit;
using IntegrationHub.Sdk.TestKit.Conformance;

namespace IntegrationHub.Connectors.SixSense.Tests;

/// <summary>The SDK's enrichment conformance suite, run against the 6sense connector and its fake.</summary>
public sealed class SixSenseConformanceTests : EnrichmentConformance, IAsyncLifetime
{
    private readonly SixSenseWorld _world = new();

    protected override VendorFake Vendor => _world.Fake;

    protected override IPAddress KnownIp => SixSenseWorld.AcmeIp;

    protected override string KnownDomain => "acme.com";

    protected override IPAddress UnknownIp => SixSenseWorld.UnknownIp;

    protected override CompanyIdentification KnownCompany => SixSenseWorld.Acme;

    protected override Task<IEnrichmentConnector> CreateConnectorAsync(VendorCondition condition) =>
        Task.FromResult(_world.Connector(tune: SettingsFor(condition)));

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _world.DisposeAsync().AsTask();
}
