using IntegrationHub.Sdk.Capabilities.Sequencing;
using IntegrationHub.Sdk.FakeKit;
using IntegrationHub.Sdk.TestKit.Conformance;

namespace PartnerName.Connector.Tests;

/// <summary>
/// The SDK's sequencing conformance suite, run against the PartnerName connector and its fake. What the connector
/// must answer is what the fake was seeded with, so a field the connector maps wrongly fails the suite.
/// </summary>
public sealed class PartnerNameConformanceTests : SequencingConformance, IAsyncLifetime
{
    private readonly PartnerNameWorld _world = new();

    /// <inheritdoc />
    protected override VendorFake Vendor => _world.Fake;

    /// <inheritdoc />
    protected override TimeProvider Time => _world.Time;

    /// <inheritdoc />
    protected override string KnownEmail => KnownProspect.Emails[0];

    /// <inheritdoc />
    protected override string KnownToken => _world.Fake.Seeded.ClickThroughs[0].Token;

    /// <inheritdoc />
    protected override (string SequenceId, string MailboxId) Enrolment => _world.Fake.Seeded.Enrolment;

    /// <inheritdoc />
    protected override Prospect KnownProspect => _world.Fake.Seeded.Prospects[0];

    /// <inheritdoc />
    protected override ClickThrough KnownClickThrough
    {
        get
        {
            var click = _world.Fake.Seeded.ClickThroughs[0];
            return new ClickThrough(
                _world.Fake.Seeded.Prospects.Single(p => p.Id == click.ProspectId),
                click.SequenceOwner,
                click.SequenceId,
                click.ClickedAt
            );
        }
    }

    /// <inheritdoc />
    protected override Task<ISequencingConnector> CreateConnectorAsync(VendorCondition condition) =>
        Task.FromResult<ISequencingConnector>(_world.Connector(tune: SettingsFor(condition)));

    /// <inheritdoc />
    public Task InitializeAsync() => Task.CompletedTask;

    /// <inheritdoc />
    public Task DisposeAsync() => _world.DisposeAsync().AsTask();
}
