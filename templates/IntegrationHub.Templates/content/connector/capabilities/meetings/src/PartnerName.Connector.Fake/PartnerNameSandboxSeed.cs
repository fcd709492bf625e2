using IntegrationHub.Sdk.Capabilities.Meetings;

namespace PartnerName.Connector.Fake;

/// <summary>
/// The demo world the fake answers with in a sandbox hub and in the tests: two reps' calendars, one with two meetings
/// early tomorrow (UTC), one empty. Times are relative to the moment of seeding.
/// </summary>
public sealed record PartnerNameSandboxSeed(IReadOnlyList<SeedCalendar> Calendars)
{
    /// <summary>The demo world as seeded at <paramref name="now"/>.</summary>
    public static PartnerNameSandboxSeed At(DateTimeOffset now)
    {
        const string Mia = "mia.kowalski@partnername.example";
        var tomorrow = new DateTimeOffset(now.UtcDateTime.Date, TimeSpan.Zero).AddDays(1);
        return new([
            new(
                Mia,
                [
                    new(
                        "5001",
                        Mia,
                        "Kiwi Orchard renewal",
                        tomorrow.AddHours(1),
                        TimeSpan.FromMinutes(30),
                        "https://meet.partnername.example/j/5001",
                        "314159"
                    ),
                    new(
                        "5002",
                        Mia,
                        "Fjord Freight discovery",
                        tomorrow.AddHours(2.5),
                        TimeSpan.FromHours(1),
                        "https://meet.partnername.example/j/5002",
                        null
                    ),
                ]
            ),
            new("tane.rangi@partnername.example", []),
        ]);
    }
}

/// <summary>A rep's calendar: the user the vendor knows and the meetings on it.</summary>
public sealed record SeedCalendar(string User, IReadOnlyList<Meeting> Meetings);
