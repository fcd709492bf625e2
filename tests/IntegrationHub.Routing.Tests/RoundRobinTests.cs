using IntegrationHub.Routing.Assignment;
using IntegrationHub.Routing.Decisions;
using static IntegrationHub.Routing.Tests.RoutingScenario;

namespace IntegrationHub.Routing.Tests;

public sealed class RoundRobinTests
{
    [Fact]
    public async Task Chats_go_only_to_available_experts_in_equal_shares()
    {
        var world = new RoutingScenario();
        var counts = new Dictionary<string, int>();
        for (var i = 0; i < 300; i++)
        {
            if (i == 150)
            {
                // Halfway through, US One steps away: the others absorb the rest evenly.
                world.Presence["sdr-us-1"] = PresenceStatus.Away;
            }

            var decision = await world.RouteAsync(UnknownIp);
            Assert.Equal(TargetKind.HumanRep, decision.Target.Kind);
            counts[decision.Target.RepId!] = counts.GetValueOrDefault(decision.Target.RepId!) + 1;
        }

        Assert.Equal(["sdr-us-1", "sdr-us-2"], counts.Keys.Order());
        Assert.Equal(75, counts["sdr-us-1"]);
        Assert.Equal(225, counts["sdr-us-2"]);
    }

    [Fact]
    public async Task Weighted_picks_follow_the_weights_under_concurrency()
    {
        var roundRobin = new InMemoryRoundRobin();
        WeightedMember[] members =
        [
            new("expert-a", 100),
            new("expert-b", 100),
            new("ramping", 50),
            new("onboarding", 0),
        ];
        var picks = await Task.WhenAll(
            Enumerable
                .Range(0, 500)
                .Select(_ => Task.Run(() => roundRobin.PickAsync("leads", members, CancellationToken.None)))
        );
        var counts = picks.GroupBy(p => p!).ToDictionary(g => g.Key, g => g.Count());

        Assert.False(counts.ContainsKey("onboarding"));
        Assert.InRange(counts["expert-a"], 199, 201);
        Assert.InRange(counts["expert-b"], 199, 201);
        Assert.InRange(counts["ramping"], 99, 101);
    }
}
