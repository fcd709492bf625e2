using IntegrationHub.Sdk.FakeKit;
using IntegrationHub.Sdk.Sandbox;

namespace IntegrationHub.Connectors.Zoom.Fake;

/// <summary>The Zoom fake for sandbox mode, with the seed's calendars and their meetings.</summary>
public sealed class ZoomSandbox : SandboxVendor<ZoomFake>
{
    public override string ConnectorName => "Zoom";

    protected override ZoomFake Create(TimeProvider clock) =>
        new(clock) { DailyCreatesPerUser = int.MaxValue, RequestsPerSecond = int.MaxValue };

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
