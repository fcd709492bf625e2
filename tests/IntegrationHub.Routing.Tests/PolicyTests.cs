using IntegrationHub.Routing.Leads;
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
        var broken = RoutingScenario
            .PolicyJson.Replace(
                "\"members\": [\"pub-1\", \"pub-2\"]",
                "\"members\": [\"pub-1\", \"ghost\"]",
                StringComparison.Ordinal
            )
            .Replace("\"defaultRegion\": \"AMER\"", "\"defaultRegion\": \"MARS\"", StringComparison.Ordinal)
            .Replace(
                "\"factDeadline\": \"00:00:01\"",
                "\"factDeadline\": \"00:00:01\", \"visitorRules\": [\"geo_pool\", \"vibes\"]",
                StringComparison.Ordinal
            );

        var error = Assert.Throws<PolicyValidationException>(() => PolicyFile.Parse(broken, "candidate.json"));

        Assert.Contains("pools[2].members[1]: no rep has id 'ghost'", error.Problems);
        Assert.Contains("defaultRegion: no geo pool serves region 'MARS'", error.Problems);
        Assert.Contains(error.Problems, p =>
            p.StartsWith("visitorRules[1]: unknown rule 'vibes'", StringComparison.Ordinal)
        );
        Assert.Contains("candidate.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_lead_rule_order_is_checked_for_unknown_repeated_and_misplaced_rules()
    {
        const string rules = """
            ["mql_threshold", "spam", "coin_toss", "public_sector", "public_sector", "related_leads",
             "no_account", "account_status"]
            """;
        var broken = RoutingScenario.PolicyJson.Replace(
            "\"factDeadline\": \"00:00:01\"",
            $"\"factDeadline\": \"00:00:01\", \"leads\": {{ \"rules\": {rules} }}",
            StringComparison.Ordinal
        );

        var error = Assert.Throws<PolicyValidationException>(() => PolicyFile.Parse(broken));

        Assert.Equal(
            [
                "leads.rules[2]: unknown rule 'coin_toss'; known rules are spam, mql_threshold, partner_prospecting, "
                    + "customer_conversion, public_sector, account_status, no_account",
                "leads.rules[4]: 'public_sector' is listed twice",
                "leads.rules[5]: 'related_leads' is not listed: it follows whichever rule sends the lead to the SDR "
                    + "team",
                "leads.rules: must start with spam, mql_threshold, "
                    + "so that spam and leads below the MQL threshold stop before the CRM is asked",
                "leads.rules: must end with account_status, no_account, "
                    + "which together decide every lead that gets that far",
            ],
            error.Problems
        );
    }

    [Fact]
    public void A_policy_without_a_lead_rule_order_keeps_the_domains_order_and_the_demo_policy_lists_it()
    {
        var demo = PolicyFile.Load(Path.Combine(AppContext.BaseDirectory, "policy", "routing-policy.json"));

        Assert.Equal(LeadRuleNames.All, PolicyFile.Parse(RoutingScenario.PolicyJson).Leads.Rules);
        Assert.Equal(LeadRuleNames.All, demo.Leads.Rules);
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
        var error = Assert.Throws<PolicyValidationException>(() =>
            PolicyFile.Parse("""{ "acceptTimout": "00:00:30" }""")
        );
        Assert.Contains("acceptTimout", Assert.Single(error.Problems), StringComparison.Ordinal);
    }
}
