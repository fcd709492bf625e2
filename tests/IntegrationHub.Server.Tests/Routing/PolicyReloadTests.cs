using System.Text.Json.Nodes;
using IntegrationHub.Contracts.Routing.V1;
using IntegrationHub.Hub.Decisions;
using IntegrationHub.Server.RoutingApi;
using IntegrationHub.Server.Tests.Hosting;
using IntegrationHub.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IntegrationHub.Server.Tests.Routing;

/// <summary>
/// The policy file is edited while the hub runs: a valid edit takes effect, an invalid one is refused.
/// </summary>
public sealed class PolicyReloadTests
{
    [Fact]
    public async Task A_valid_edit_takes_effect_without_a_restart_and_an_invalid_one_is_refused()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("hub-policy-").FullName, "routing-policy.json");
        var demo = Path.Combine(AppContext.BaseDirectory, "policy", "routing-policy.json");
        File.Copy(demo, file);
        var logs = new LogCapture();
        using var hub = new SandboxHub(new Dictionary<string, string?> { ["Routing:PolicyFile"] = file }, services =>
            services.AddSingleton<ILoggerProvider>(logs)
        );
        Assert.Equal(20, (await hub.Presence.ListRepsAsync(new ListRepsRequest())).Reps.Count);

        var policy = JsonNode.Parse(await File.ReadAllTextAsync(demo))!;
        policy["reps"]!
            .AsArray()
            .Add(
                JsonNode.Parse(
                    """
                    { "id": "005NEW010000000YBA", "name": "New Hire", "email": "new.hire@hub.demo",
                      "routingLevel": "Onboarding", "timeZone": "Europe/Paris" }
                    """
                )
            );
        await File.WriteAllTextAsync(file, policy.ToJsonString());
        await Eventually.HappensAsync(
            async () => (await hub.Presence.ListRepsAsync(new ListRepsRequest())).Reps.Count == 21,
            "the valid edit taking effect"
        );
        var versions = await new PolicyService.PolicyServiceClient(hub.Channel).ListPolicyVersionsAsync(
            new ListPolicyVersionsRequest()
        );
        Assert.Equal(2, versions.RunningVersion);
        Assert.Equal(PolicyVersionSource.File, versions.Versions[0].Source);
        Assert.Equal("file:" + file, versions.Versions[0].PublishedBy);

        await File.WriteAllTextAsync(file, """{ "reps": [ { "id": "", "name": "", "email": "nope" } ] }""");
        // The hub says only in its log that it read the edit and refused it; the problem named
        // is this file's own (a half-written read of the earlier edit fails on its JSON instead).
        await Eventually.HappensAsync(
            () =>
                logs.Entries.Any(e =>
                    e.Category == typeof(PolicyProvider).FullName
                    && e.Level == LogLevel.Error
                    && e.Message.Contains("reps[0].email: must be an email address", StringComparison.Ordinal)
                ),
            "the invalid edit being read and refused"
        );
        var reps = (await hub.Presence.ListRepsAsync(new ListRepsRequest())).Reps;
        Assert.Equal(21, reps.Count);
        Assert.Equal(2, (await new PolicyService.PolicyServiceClient(hub.Channel).GetPolicyAsync(new())).Version);
        Assert.Contains(reps, r => r.RepId == "005NEW010000000YBA" && r.RoutingLevel == "Onboarding");
    }
}
