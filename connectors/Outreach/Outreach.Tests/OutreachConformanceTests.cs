using IntegrationHub.Sdk.Capabilities.Sequencing;
using IntegrationHub.Sdk.TestKit.Conformance;

namespace IntegrationHub.Connectors.Outreach.Tests;

/// <summary>The SDK's sequencing conformance suite, run against the Outreach connector and its fake.</summary>
public sealed class OutreachConformanceTests : SequencingConformance, IAsyncLifetime
{
    private readonly OutreachWorld _world = new();

    protected override string KnownEmail => "jane@acme.com";

    protected override string KnownToken => "ct-jane";

    protected override (string SequenceId, string MailboxId) Enrolment => ("77", OutreachWorld.Owner.Id);

    protected override Task<ISequencingConnector> CreateConnectorAsync(VendorCondition condition)
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
