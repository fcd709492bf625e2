using IntegrationHub.Sdk.Capabilities.Marketing;
using IntegrationHub.Sdk.FakeKit;
using IntegrationHub.Sdk.TestKit.Conformance;

namespace PartnerName.Connector.Tests;

/// <summary>
/// The SDK's marketing conformance suite, run against the PartnerName connector and its fake. What the connector
/// must answer is what the fake was seeded with, so a field the connector maps wrongly fails the suite.
/// </summary>
public sealed class PartnerNameConformanceTests : MarketingConformance, IAsyncLifetime
{
    private readonly PartnerNameWorld _world = new();

    /// <inheritdoc />
    protected override VendorFake Vendor => _world.Fake;

    /// <inheritdoc />
    protected override TimeProvider Time => _world.Time;

    /// <inheritdoc />
    protected override int TaggedProgramCount =>
        _world.Fake.Seeded.Programs.Count(p => p.Tags.Contains(new ProgramTag("UsedWithQualified", "True")));

    /// <inheritdoc />
    protected override string KnownEmail => KnownEngagement.Email;

    /// <inheritdoc />
    protected override MarketingProgram KnownProgram => _world.Fake.Seeded.Programs[0];

    /// <inheritdoc />
    protected override PersonEngagement KnownEngagement => _world.Fake.Seeded.Engagements[0];

    /// <inheritdoc />
    protected override Task<IMarketingConnector> CreateConnectorAsync(VendorCondition condition) =>
        Task.FromResult<IMarketingConnector>(_world.Connector(tune: SettingsFor(condition)));

    /// <inheritdoc />
    public Task InitializeAsync() => Task.CompletedTask;

    /// <inheritdoc />
    public Task DisposeAsync() => _world.DisposeAsync().AsTask();
}
