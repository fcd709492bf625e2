using IntegrationHub.Sdk.Capabilities.Sequencing;
using IntegrationHub.Sdk.Errors;
using IntegrationHub.Sdk.FakeKit;
using IntegrationHub.Sdk.TestKit.Conformance;

namespace IntegrationHub.Connectors.Outreach.Tests;

/// <summary>The SDK's sequencing conformance suite, run against the Outreach connector and its fake.</summary>
public sealed class OutreachConformanceTests : SequencingConformance, IAsyncLifetime
{
    private readonly OutreachWorld _world = new();

    protected override string KnownEmail => "jane@acme.com";

    protected override string KnownToken => "ct-jane";

    protected override (string SequenceId, string MailboxId) Enrolment => ("77", OutreachWorld.Owner.Id);

    protected override VendorFake Vendor => _world.Fake;

    protected override Prospect KnownProspect => _world.Jane;

    protected override ClickThrough KnownClickThrough => _world.JanesClick;

    /// <summary>Outreach's only quota is its hourly rate limit: spent, it is a throttle until the hour turns.</summary>
    protected override ConnectorErrorKind ExpectedKind(VendorCondition condition) =>
        condition == VendorCondition.QuotaSpent ? ConnectorErrorKind.RateLimited : base.ExpectedKind(condition);

    protected override Task<ISequencingConnector> CreateConnectorAsync(VendorCondition condition) =>
        Task.FromResult(_world.Connector(SettingsFor(condition)));

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _world.DisposeAsync().AsTask();
}
