using IntegrationHub.Routing.Policy;

namespace IntegrationHub.Routing.Tests;

public sealed class PolicyTests
{
    [Fact]
    public void The_shipped_demo_policy_is_valid()
    {
        var policy = PolicyFile.Load(Path.Combine(AppContext.BaseDirectory, "policy", "routing-policy.json"));
        Assert.True(policy.Reps.Count >= 10);
        Assert.Equal(TimeSpan.FromSeconds(30), policy.AcceptTimeout);
        Assert.Equal(["en"], policy.AiRep.Languages);
    }

    [Fact]
    public void Every_problem_is_listed_with_its_path()
    {
        var broken = RoutingScenario.PolicyJson
            .Replace("\"members\": [\"pub-1\", \"pub-2\"]", "\"members\": [\"pub-1\", \"ghost\"]", StringComparison.Ordinal)
            .Replace("\"defaultRegion\": \"AMER\"", "\"defaultRegion\": \"MARS\"", StringComparison.Ordinal)
            .Replace("\"factDeadline\": \"00:00:01\"", "\"factDeadline\": \"00:00:01\", \"visitorRules\": [\"geo_pool\", \"vibes\"]", StringComparison.Ordinal);

        var error = Assert.Throws<PolicyValidationException>(() => PolicyFile.Parse(broken, "candidate.json"));

        Assert.Contains("pools[2].members[1]: no rep has id 'ghost'", error.Problems);
        Assert.Contains("defaultRegion: no geo pool serves region 'MARS'", error.Problems);
        Assert.Contains(error.Problems, p => p.StartsWith("visitorRules[1]: unknown rule 'vibes'", StringComparison.Ordinal));
        Assert.Contains("candidate.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_type_error_names_its_json_path()
    {
        var error = Assert.Throws<PolicyValidationException>(() => PolicyFile.Parse("""{ "acceptTimeout": "soon" }"""));
        Assert.StartsWith("$.acceptTimeout", Assert.Single(error.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_field_is_an_error_not_silently_ignored()
    {
        var error = Assert.Throws<PolicyValidationException>(() => PolicyFile.Parse("""{ "acceptTimout": "00:00:30" }"""));
        Assert.Contains("acceptTimout", Assert.Single(error.Problems), StringComparison.Ordinal);
    }
}
