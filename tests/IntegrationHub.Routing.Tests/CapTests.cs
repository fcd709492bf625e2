using IntegrationHub.Routing.Assignment.Caps;
using IntegrationHub.Routing.Policy;

namespace IntegrationHub.Routing.Tests;

/// <summary>Caps as the policy states them: validated with their paths, counted in the rep's day and week.</summary>
public sealed class CapTests
{
    [Fact]
    public void Bad_caps_are_listed_with_their_paths()
    {
        var broken = RoutingScenario
            .PolicyJson.Replace(
                "{ \"id\": \"pub-1\", \"name\": \"Pub One\", \"email\": \"pub1@hub.test\" }",
                "{ \"id\": \"pub-1\", \"name\": \"Pub One\", \"email\": \"pub1@hub.test\", "
                    + "\"caps\": { \"leadsPerDay\": 0, \"chatsPerDay\": 9, \"chatsPerWeek\": 5 } }",
                StringComparison.Ordinal
            )
            .Replace(
                "\"kind\": \"PubSec\",",
                "\"kind\": \"PubSec\", \"caps\": { \"leadsPerWeek\": -3 },",
                StringComparison.Ordinal
            );

        var error = Assert.Throws<PolicyValidationException>(() => PolicyFile.Parse(broken));

        Assert.Equal(
            [
                "reps[7].caps.leadsPerDay: must be between 1 and 100000 (leave it out for no cap)",
                "reps[7].caps.chatsPerWeek: must be at least chatsPerDay (9)",
                "pools[2].caps.leadsPerWeek: must be between 1 and 100000 (leave it out for no cap)",
            ],
            error.Problems
        );
    }

    [Fact]
    public void A_tokyo_reps_day_starts_at_tokyo_midnight_and_their_week_on_their_monday()
    {
        var tokyo = new RepDefinition
        {
            Id = "r",
            Name = "Naoko",
            Email = "n@hub.test",
            TimeZone = "Asia/Tokyo",
        };
        // Sunday 2026-12-06 16:30 UTC is Monday 01:30 in Tokyo: a new day and a new week there already.
        var now = new DateTimeOffset(2026, 12, 6, 16, 30, 0, TimeSpan.Zero);

        Assert.Equal(
            new DateTimeOffset(2026, 12, 6, 15, 0, 0, TimeSpan.Zero),
            WorkCounter.StartOf(tokyo, WorkPeriod.Day, now)
        );
        Assert.Equal(
            new DateTimeOffset(2026, 12, 6, 15, 0, 0, TimeSpan.Zero),
            WorkCounter.StartOf(tokyo, WorkPeriod.Week, now)
        );
        // An hour earlier it was still Sunday in Tokyo: the week began the Monday before.
        Assert.Equal(
            new DateTimeOffset(2026, 11, 29, 15, 0, 0, TimeSpan.Zero),
            WorkCounter.StartOf(tokyo, WorkPeriod.Week, now.AddHours(-2))
        );
    }
}
