using System.Text.Json.Nodes;
using IntegrationHub.Contracts.Routing.V1;
using IntegrationHub.Server.Tests.Routing;

namespace IntegrationHub.Server.Tests.Leads;

/// <summary>The lead SLA turned on in a running hub as an operator does it (PublishPolicy), and what it did.</summary>
internal static class LeadSlaSteps
{
    public static async Task PublishSlaAsync(this SandboxHub hub, int minutes)
    {
        var policies = new PolicyService.PolicyServiceClient(hub.Channel);
        var policy = JsonNode.Parse((await policies.GetPolicyAsync(new GetPolicyRequest())).PolicyJson)!;
        policy["leads"]!["sla"] = new JsonObject { ["minutes"] = minutes };
        var published = await policies.PublishPolicyAsync(
            new PublishPolicyRequest { PolicyJson = policy.ToJsonString(), Note = $"lead SLA {minutes} min" }
        );
        Assert.True(published.Changed);
    }

    /// <summary>How lead SLAs end while this is alive (the <c>hub.leads.sla</c> counter by outcome).</summary>
    public static CountedTags Outcomes() => new("hub.leads.sla", "outcome");

    /// <summary>The decisions the SLA made (reassignments), newest first.</summary>
    public static async Task<IReadOnlyList<Decision>> ReassignmentsAsync(this SandboxHub hub) =>
        (await hub.Routing.ListDecisionsAsync(new ListDecisionsRequest { Rule = "lead_sla" })).Decisions;
}
