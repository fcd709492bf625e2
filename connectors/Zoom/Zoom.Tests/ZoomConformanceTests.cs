using IntegrationHub.Sdk.Capabilities.Meetings;
using IntegrationHub.Sdk.FakeKit;
using IntegrationHub.Sdk.TestKit.Conformance;

namespace IntegrationHub.Connectors.Zoom.Tests;

/// <summary>The SDK's meetings conformance suite, run against the Zoom connector and its fake.</summary>
public sealed class ZoomConformanceTests : MeetingsConformance, IAsyncLifetime
{
    private readonly ZoomWorld _world = new();

    protected override string KnownUser => ZoomWorld.Rep;

    protected override VendorFake Vendor => _world.Fake;

    protected override (string User, IReadOnlyList<TimeSlot> Meetings) KnownCalendar => _world.BookedCalendar;

    protected override Task<IMeetingConnector> CreateConnectorAsync(VendorCondition condition) =>
        Task.FromResult(_world.Connector(SettingsFor(condition)));

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _world.DisposeAsync().AsTask();
}
