using IntegrationHub.Sdk.FakeKit;
using IntegrationHub.Sdk.Sandbox;

namespace IntegrationHub.Connectors.Zoom.Fake;

/// <summary>The Zoom fake for sandbox mode, with the seed's calendars and their meetings.</summary>
public sealed class ZoomSandbox : SandboxVendor<ZoomFake>
{
    public override string ConnectorName => "Zoom";

    /// <summary>
    /// Zoom: 20 requests a second for Medium endpoints such as create meeting on a Pro account, and 100 meeting
    /// creates or updates per user per day (VENDOR_APIS.md §5.4).
    /// </summary>
    protected override ZoomFake Create(TimeProvider clock) =>
        new(clock) { DailyCreatesPerUser = 100, RequestsPerSecond = 20 };

    protected override void Unlimited(ZoomFake fake)
    {
        fake.DailyCreatesPerUser = int.MaxValue;
        fake.RequestsPerSecond = int.MaxValue;
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
        }
    }
}
