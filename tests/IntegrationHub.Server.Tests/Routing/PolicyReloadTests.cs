using System.Text.Json.Nodes;
using IntegrationHub.Contracts.Routing.V1;
using IntegrationHub.Server.Tests.Hosting;

namespace IntegrationHub.Server.Tests.Routing;

/// <summary>The policy file is edited while the hub runs: a valid edit takes effect, an invalid one is refused.</summary>
public sealed class PolicyReloadTests
{
    [Fact]
    public async Task A_valid_edit_takes_effect_without_a_restart_and_an_invalid_one_is_refused()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("hub-policy-").FullName, "routing-policy.json");
        var demo = Path.Combine(AppContext.BaseDirectory, "policy", "routing-policy.json");
        File.Copy(demo, file);
        using var hub = new SandboxHub(new Dictionary<string, string?> { ["Routing:PolicyFile"] = file });
        Assert.Equal(20, (await hub.Presence.ListRepsAsync(new ListRepsRequest())).Reps.Count);

        var policy = JsonNode.Parse(await File.ReadAllTextAsync(demo))!;
        policy["reps"]!.AsArray().Add(JsonNode.Parse("""{ "id": "005NEW01", "name": "New Hire", "email": "new.hire@hub.demo", "routingLevel": "Onboarding", "timeZone": "Europe/Paris" }"""));
        await File.WriteAllTextAsync(file, policy.ToJsonString());
        await WaitForAsync(async () => (await hub.Presence.ListRepsAsync(new ListRepsRequest())).Reps.Count == 21);

        await File.WriteAllTextAsync(file, """{ "reps": [ { "id": "", "name": "", "email": "nope" } ] }""");
        await Task.Delay(1500);
        var reps = (await hub.Presence.ListRepsAsync(new ListRepsRequest())).Reps;
        Assert.Equal(21, reps.Count);
        Assert.Contains(reps, r => r.RepId == "005NEW01" && r.RoutingLevel == "Onboarding");
    }

    private static async Task WaitForAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 100; i++)
        {
            if (await condition())
            {
                return;
            }

            await Task.Delay(100);
        }

        Assert.Fail("the policy edit was not picked up within 10 s");
    }
}
