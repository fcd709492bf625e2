using System.Net;
using IntegrationHub.Sdk.Capabilities.Enrichment;
using IntegrationHub.Sdk.TestKit.Conformance;
using PartnerName.Connector.Fake;

namespace PartnerName.Connector.Tests;

/// <summary>The SDK's enrichment conformance suite, run against the PartnerName connector and its fake.</summary>
public sealed class PartnerNameConformanceTests : EnrichmentConformance, IAsyncLifetime
{
    private readonly PartnerNameWorld _world = new();

    /// <inheritdoc />
    protected override IPAddress KnownIp => IPAddress.Parse(PartnerNameSandboxSeed.KnownVisitorIp);

    /// <inheritdoc />
    protected override string KnownDomain => PartnerNameSandboxSeed.Companies[0].Domain;

    /// <inheritdoc />
    protected override IPAddress UnknownIp => IPAddress.Parse("203.0.113.250");

    /// <inheritdoc />
    protected override Task<IEnrichmentConnector> CreateConnectorAsync(VendorCondition condition)
    {
        if (condition == VendorCondition.Down)
        {
            _world.Fake.GoDown();
        }

        return Task.FromResult(_world.Connector());
    }

    /// <inheritdoc />
    public Task InitializeAsync() => Task.CompletedTask;

    /// <inheritdoc />
    public Task DisposeAsync() => _world.DisposeAsync().AsTask();
}
