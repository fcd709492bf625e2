using System.Text.Json.Nodes;

namespace IntegrationHub.Cli.Tests;

/// <summary>
/// An operator validates a policy file and simulates a change against the hub's stored
/// decisions before publishing it. The hub is this class's own, so the window holds only the
/// decisions made here.
/// </summary>
public sealed class PolicyCommandTests(SandboxHubFixture fixture) : IClassFixture<SandboxHubFixture>
{
    private static readonly string DemoPolicy = Path.Combine(AppContext.BaseDirectory, "policy", "routing-policy.json");

    [Fact]
    public async Task Validate_accepts_the_demo_policy_and_lists_every_problem_of_a_broken_one_with_its_path()
    {
        var good = await HubCtlRun.RunAsync("policy", "validate", DemoPolicy);
        Assert.True(good.ExitCode == 0, good.ToString());
        Assert.Contains("routing-policy.json is valid: 20 reps, 8 pools", good.Output, StringComparison.Ordinal);
        const string leadRules = "spam → mql_threshold → partner_prospecting → customer_conversion → public_sector";
        Assert.Contains(
            $"Lead rules {leadRules} → account_status → no_account.",
            good.Output,
            StringComparison.Ordinal
        );

        var policy = JsonNode.Parse(await File.ReadAllTextAsync(DemoPolicy))!;
        policy["pools"]![1]!["members"]!.AsArray().Add("005GHOST0000000YHA");
        policy["acceptTimeout"] = "00:30:00";
        var broken = Path.Combine(Directory.CreateTempSubdirectory("hubctl-").FullName, "broken.json");
        await File.WriteAllTextAsync(broken, policy.ToJsonString());

        var bad = await HubCtlRun.RunAsync("policy", "validate", broken);
        Assert.Equal(2, bad.ExitCode);
        Assert.Contains("broken.json is not a valid policy (2 problems)", bad.Output, StringComparison.Ordinal);
        Assert.Contains(
            "pools[1].members[5]: no rep has id '005GHOST0000000YHA'",
            bad.Output,
            StringComparison.Ordinal
        );
        Assert.Contains("acceptTimeout: must be between 00:00:01 and 00:10:00", bad.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Simulating_a_disabled_ai_rep_moves_its_visitors_to_meeting_offers_and_its_load_to_zero()
    {
        // Nobody is available, so the AI rep takes every English-page visitor, whatever the hour.
        for (var i = 0; i < 4; i++)
        {
            await fixture.Hub.RouteVisitorAsync("198.51.100.115");
        }

        var shown = await HubCtlRun.AgainstAsync(fixture.Hub, ["policy", "show"]);
        Assert.Equal(0, shown.ExitCode);
        var candidate = JsonNode.Parse(shown.Output)!;
        candidate["aiRep"]!["enabled"] = false;
        var file = Path.Combine(Directory.CreateTempSubdirectory("hubctl-").FullName, "candidate.json");
        await File.WriteAllTextAsync(file, candidate.ToJsonString());

        var run = await HubCtlRun.AgainstAsync(fixture.Hub, ["policy", "simulate", file, "--since", "1h"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("4 of 4 replayed decisions would move (100 %)", run.Output, StringComparison.Ordinal);
        Assert.Contains("Replaying the running policy reproduced 4 of 4", run.Output, StringComparison.Ordinal);
        var moves = run.Rows("AI rep Hub AI").Where(r => r.Length == 3).ToList();
        Assert.Equal(4, moves.Sum(r => int.Parse(r[2], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.All(moves, r => Assert.StartsWith("meeting offer with ", r[1], StringComparison.Ordinal));
        Assert.Equal(["AI rep Hub AI", "ai-rep", "4", "0", "-4"], Assert.Single(run.Rows("ai-rep")));
        Assert.Equal(4, run.Rows("(geo_pool)").Count); // the moved decisions, listed
    }

    [Fact]
    public async Task An_invalid_candidate_is_refused_before_the_hub_is_asked()
    {
        var broken = Path.Combine(Directory.CreateTempSubdirectory("hubctl-").FullName, "candidate.json");
        await File.WriteAllTextAsync(
            broken,
            """{ "reps": [], "visitorRules": ["coin_toss"], "leads": { "rules": ["spam", "no_account"] } }"""
        );

        var run = await HubCtlRun.RunAsync("policy", "simulate", broken, "--hub", "http://127.0.0.1:9");

        Assert.Equal(2, run.ExitCode);
        Assert.Contains("unknown rule 'coin_toss'", run.Output, StringComparison.Ordinal);
        Assert.Contains("leads.rules: must start with spam, mql_threshold", run.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("Cannot reach", run.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Preview_shows_where_a_visitor_and_a_lead_would_go_under_the_running_or_a_candidate_policy()
    {
        string[] visitor =
        [
            "preview",
            "visitor",
            "--ip",
            "198.51.100.115",
            "--page",
            "https://www.example.com/pricing",
        ];
        var running = await HubCtlRun.AgainstAsync(fixture.Hub, visitor);

        Assert.True(running.ExitCode == 0, running.ToString());
        Assert.Contains(
            "Preview under the running policy; nothing was stored.",
            running.Output,
            StringComparison.Ordinal
        );
        Assert.Contains("Would go to AI rep", running.Output, StringComparison.Ordinal);

        var shown = await HubCtlRun.AgainstAsync(fixture.Hub, ["policy", "show"]);
        var candidate = JsonNode.Parse(shown.Output)!;
        candidate["aiRep"]!["enabled"] = false;
        var file = Path.Combine(Directory.CreateTempSubdirectory("hubctl-").FullName, "candidate.json");
        await File.WriteAllTextAsync(file, candidate.ToJsonString());
        var underCandidate = await HubCtlRun.AgainstAsync(fixture.Hub, [.. visitor, "--policy", file]);

        Assert.True(underCandidate.ExitCode == 0, underCandidate.ToString());
        Assert.Contains("Preview under the candidate policy", underCandidate.Output, StringComparison.Ordinal);
        Assert.Contains("Would go to meeting offer with", underCandidate.Output, StringComparison.Ordinal);

        var lead = await HubCtlRun.AgainstAsync(
            fixture.Hub,
            [
                "preview",
                "lead",
                "--email",
                "ana@brand-new-startup.io",
                "--company",
                "Brand New Startup",
                "--country",
                "DE",
            ]
        );

        Assert.True(lead.ExitCode == 0, lead.ToString());
        Assert.Single(lead.Rows("crm.upsert_lead"));
        Assert.Contains("ana@brand-new-startup.io", lead.Rows("crm.upsert_lead")[0][1], StringComparison.Ordinal);
    }
}
