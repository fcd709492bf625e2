using IntegrationHub.Sdk.FakeKit;
using IntegrationHub.Sdk.Sandbox;

namespace IntegrationHub.Connectors.Zoom.Fake;

/// <summary>The Zoom fake for sandbox mode: the seed's calendars, meetings, absences and holidays.</summary>
public sealed class ZoomSandbox : SandboxVendor<ZoomFake>
{
    public override string ConnectorName => "Zoom";

    /// <summary>
    /// Zoom: 20 requests a second for Medium endpoints such as create meeting on a Pro account, and 100 meeting
    /// creates or updates per user per day (VENDOR_APIS.md §5.4).
    /// </summary>
    protected override ZoomFake Create(TimeProvider clock) =>
        new(clock)
        {
            DailyCreatesPerUser = 100,
            RequestsPerSecond = 20,
            LightRequestsPerSecond = 30,
        };

    protected override void Unlimited(ZoomFake fake)
    {
        fake.DailyCreatesPerUser = int.MaxValue;
        fake.RequestsPerSecond = int.MaxValue;
        fake.LightRequestsPerSecond = int.MaxValue;
    }

    protected override IReadOnlyDictionary<string, string?> Settings(ZoomFake fake) =>
        new Dictionary<string, string?>
        {
            ["BaseUrl"] = fake.BaseUrl.ToString(),
            ["TokenUrl"] = new Uri(fake.BaseUrl, "oauth/token").ToString(),
            ["AccountId"] = ZoomFake.AccountId,
            ["ClientId"] = ZoomFake.ClientId,
            ["ClientSecret"] = ZoomFake.ClientSecret,
        };

    protected override void Seed(ZoomFake fake, SandboxSeed seed, DateTimeOffset now)
    {
        foreach (var calendar in seed.Calendars)
        {
            fake.AddUser(calendar.UserId);
            foreach (var meeting in calendar.Meetings)
            {
                fake.AddMeeting(
                    calendar.UserId,
                    meeting.Topic,
                    seed.Shift(meeting.Start, now),
                    meeting.DurationMinutes
                );
            }

            foreach (var e in calendar.Events)
            {
                if (e.AllDay)
                {
                    var first = seed.ShiftDate(DateOnly.FromDateTime(e.Start.UtcDateTime), now);
                    var last = seed.ShiftDate(DateOnly.FromDateTime(e.End.UtcDateTime), now).AddDays(-1);
                    fake.AddAllDayEvent(calendar.UserId, e.EventType, e.Summary, first, last);
                }
                else
                {
                    fake.AddCalendarEvent(
                        calendar.UserId,
                        e.EventType,
                        e.Summary,
                        seed.Shift(e.Start, now),
                        seed.Shift(e.End, now)
                    );
                }
            }
        }
    }
}
