using IntegrationHub.Connectors.Zoom.Fake;
using IntegrationHub.Sdk.Capabilities.Meetings;
using IntegrationHub.Sdk.TestKit;

namespace IntegrationHub.Connectors.Zoom.Tests;

/// <summary>A Zoom fake with two reps; the connector as the hub builds it.</summary>
public sealed class ZoomWorld : IAsyncDisposable
{
    public const string Rep = "rep@hub.test";
    public const string BusyRep = "busy@hub.test";
    public const string BookedRep = "booked@hub.test";
    private ConnectorHarness? _harness;

    public ZoomWorld()
    {
        Fake.AddUser(Rep);
        Fake.AddUser(BusyRep);
        var tomorrow = new DateTimeOffset(Fake.Time.GetUtcNow().UtcDateTime.Date, TimeSpan.Zero).AddDays(1);
        (DateTimeOffset Start, int Minutes)[] seeded = [(tomorrow.AddMinutes(45), 30), (tomorrow.AddHours(2), 60)];
        foreach (var (start, minutes) in seeded)
        {
            Fake.AddMeeting(BookedRep, "Seeded", start, minutes);
        }

        BookedCalendar = (BookedRep, [.. seeded.Select(m => new TimeSlot(m.Start, m.Start.AddMinutes(m.Minutes)))]);
    }

    /// <summary>
    /// <see cref="BookedRep"/> and the meetings seeded on it tomorrow (UTC): 00:45–01:15 and 02:00–03:00.
    /// </summary>
    public (string User, IReadOnlyList<TimeSlot> Meetings) BookedCalendar { get; }

    public ZoomFake Fake { get; } = new(TestClock.Running());

    public ConnectorHarness Harness(Action<Dictionary<string, string?>>? tune = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["BaseUrl"] = Fake.BaseUrl.ToString(),
            ["TokenUrl"] = new Uri(Fake.BaseUrl, "oauth/token").ToString(),
            ["AccountId"] = ZoomFake.AccountId,
            ["ClientId"] = ZoomFake.ClientId,
            ["ClientSecret"] = ZoomFake.ClientSecret,
            ["Resilience:MaxRetryAttempts"] = "2",
            ["Resilience:BaseDelay"] = "00:00:00.010",
            ["Resilience:MaxRetryAfter"] = "00:00:02",
            ["Resilience:CircuitMinimumThroughput"] = "100",
        };
        tune?.Invoke(settings);
        _harness = ConnectorHarness.Create<ZoomConnector>(settings);
        return _harness;
    }

    public IMeetingConnector Connector(Action<Dictionary<string, string?>>? tune = null) =>
        Harness(tune).Get<ZoomConnector>();

    public async ValueTask DisposeAsync()
    {
        if (_harness is not null)
        {
            await _harness.DisposeAsync();
        }

        await Fake.DisposeAsync();
    }
}
