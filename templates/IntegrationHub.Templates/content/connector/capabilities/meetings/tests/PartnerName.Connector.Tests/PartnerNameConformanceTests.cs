using IntegrationHub.Sdk.Capabilities.Meetings;
using IntegrationHub.Sdk.FakeKit;
using IntegrationHub.Sdk.TestKit.Conformance;

namespace PartnerName.Connector.Tests;

/// <summary>
/// The SDK's meetings conformance suite, run against the PartnerName connector and its fake: free slots must be the
/// working hours less exactly the meetings the fake was seeded with.
/// </summary>
public sealed class PartnerNameConformanceTests : MeetingsConformance, IAsyncLifetime
{
    private readonly PartnerNameWorld _world = new();

    /// <inheritdoc />
    protected override VendorFake Vendor => _world.Fake;

    /// <inheritdoc />
    protected override TimeProvider Time => _world.Time;

    /// <inheritdoc />
    protected override string KnownUser => _world.Fake.Seeded.Calendars.First(c => c.Meetings.Count == 0).User;

    /// <inheritdoc />
    protected override (string User, IReadOnlyList<TimeSlot> Meetings) KnownCalendar
    {
        get
        {
            var calendar = _world.Fake.Seeded.Calendars.First(c => c.Meetings.Count > 0);
            return (calendar.User, [.. calendar.Meetings.Select(m => new TimeSlot(m.Start, m.Start + m.Duration))]);
        }
    }

    /// <inheritdoc />
    protected override Task<IMeetingConnector> CreateConnectorAsync(VendorCondition condition) =>
        Task.FromResult<IMeetingConnector>(_world.Connector(tune: SettingsFor(condition)));

    /// <inheritdoc />
    public Task InitializeAsync() => Task.CompletedTask;

    /// <inheritdoc />
    public Task DisposeAsync() => _world.DisposeAsync().AsTask();
}
