using System.Text.Json.Nodes;
using IntegrationHub.Contracts.Routing.V1;

namespace IntegrationHub.Server.Tests.Routing;

/// <summary>
/// Caps from the policy file, through the real gRPC API on a SQLite file: a capped rep is passed over with the reason,
/// a pool whose members are all capped falls back and says why, and the counts outlive a restart.
/// </summary>
public sealed class CapTests
{
    private const string UnknownIp = "192.0.2.200";
    private const string Avery = "005SDR010000000YBA";
    private const string Blake = "005SDR020000000YBA";

    [Fact]
    public async Task A_capped_rep_is_passed_over_with_the_reason_and_the_counts_survive_a_restart()
    {
        var folder = Directory.CreateTempSubdirectory("hub-caps-").FullName;
        var settings = new Dictionary<string, string?>
        {
            ["Routing:PolicyFile"] = await PolicyWithCapsAsync(folder),
            ["Storage:Sqlite:Path"] = Path.Combine(folder, "hub.db"),
        };
        var picks = new List<string>();
        using (var hub = new SandboxHub(new(settings)))
        {
            await hub.AvailableAsync(DemoSdrs.Amer);
            for (var i = 0; i < 5; i++)
            {
                picks.Add((await hub.RouteAsync(UnknownIp)).Target.RepId);
            }
        }

        // Avery's own cap is two chats a day; the AMER pool gives each member three.
        Assert.Equal([Avery, Blake, Avery, Blake, Blake], picks);

        using var restarted = new SandboxHub(new(settings));
        var capped = await restarted.RouteAsync(UnknownIp);

        Assert.Equal(TargetKind.AiRep, capped.Target.Kind);
        Assert.Contains(capped.Explanation.Fallbacks, f =>
            f.Fallback == "rep_capped" && f.Reason == "Avery Johnson is capped: 2 of 2 chats today (America/New_York)"
        );
        Assert.Contains(capped.Explanation.Fallbacks, f =>
            f.Fallback == "rep_capped"
            && f.Reason == "Blake Carter is capped: 3 of 3 chats today from sdr-amer (America/Chicago)"
        );
        Assert.Contains(capped.Explanation.Fallbacks, f =>
            f.Fallback == "pool_has_no_available_rep" && f.Reason.EndsWith("(2 capped)", StringComparison.Ordinal)
        );
    }

    private static async Task<string> PolicyWithCapsAsync(string folder)
    {
        var demo = Path.Combine(AppContext.BaseDirectory, "policy", "routing-policy.json");
        var policy = JsonNode.Parse(await File.ReadAllTextAsync(demo))!;
        policy["reps"]!.AsArray().Single(r => (string?)r!["id"] == Avery)!["caps"] = new JsonObject
        {
            ["chatsPerDay"] = 2,
        };
        policy["pools"]!.AsArray().Single(p => (string?)p!["name"] == "sdr-amer")!["caps"] = new JsonObject
        {
            ["chatsPerDay"] = 3,
            ["leadsPerWeek"] = 50,
        };
        var file = Path.Combine(folder, "routing-policy.json");
        await File.WriteAllTextAsync(file, policy.ToJsonString());
        return file;
    }
}
