using IntegrationHub.Contracts.Routing.V1;
using IntegrationHub.Testing;

namespace IntegrationHub.Cli.Tests;

/// <summary>
/// What an operator sees from hubctl against a running sandbox hub: connectors, explanations, keys, and the errors they
/// can act on.
/// </summary>
public sealed class OperatorCommandTests(SandboxHubFixture fixture) : IClassFixture<SandboxHubFixture>
{
    private const string LondonIp = "198.51.100.115"; // Thames Fintech, GB: the EMEA geo pool

    private HubProcess Hub => fixture.Hub;

    [Fact]
    public async Task Connectors_lists_the_five_sandbox_connectors_with_what_they_serve_and_their_health()
    {
        var run = await HubCtlRun.AgainstAsync(Hub, ["connectors"]);

        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("5 connectors at", run.Output, StringComparison.Ordinal);
        foreach (
            var (name, serves) in new[]
            {
                ("SixSense", "enrichment"),
                ("Salesforce", "crm"),
                ("Outreach", "sequencing"),
                ("Marketo", "marketing"),
                ("Zoom", "meetings"),
            }
        )
        {
            var row = Assert.Single(run.Rows(name));
            Assert.Equal(serves, row[2]);
            Assert.Contains("sandbox", row[3], StringComparison.Ordinal);
            Assert.Equal("healthy", row[4]);
        }
    }

    [Fact]
    public async Task Explain_shows_every_rule_in_order_with_why_the_facts_it_read_and_the_fallbacks()
    {
        var decision = await fixture.Hub.RouteVisitorAsync(LondonIp);

        var run = await HubCtlRun.AgainstAsync(Hub, ["decisions", "explain", decision.Id]);

        // The explanation is the stored one, whatever the sources answered on a loaded machine.
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains($"Visitor decision {decision.Id}", run.Output, StringComparison.Ordinal);
        Assert.Contains($"Went to AI rep Hub AI by rule {decision.MatchedRule}", run.Output, StringComparison.Ordinal);
        Assert.Equal(
            decision.Degraded,
            run.Output.Contains("degraded: a fact source failed or was late", StringComparison.Ordinal)
        );
        string[] order =
        [
            "click_through",
            "actively_sequenced",
            "public_sector",
            "actively_working_account",
            "language",
            "geo_pool",
        ];
        var positions = order.Select(rule => run.Output.IndexOf($"│ {rule} ", StringComparison.Ordinal)).ToList();
        Assert.All(positions, p => Assert.True(p > 0, run.Output));
        Assert.Equal(positions.Order(), positions);
        foreach (var rule in decision.Explanation.Rules)
        {
            // The rules table (four columns), not the sources table.
            var rows = run.Rows($"│ {rule.Rule} ").Where(r => r.Length == 4 && r[0] == rule.Rule).ToList();
            Assert.True(rows.Count == 1, run.Output); // the whole table when it is not one row, to see why
            var row = rows[0];
            Assert.Equal(
                rule.Outcome switch
                {
                    RuleOutcome.Matched => "matched",
                    RuleOutcome.NotMatched => "not matched",
                    RuleOutcome.Undecided => "undecided",
                    _ => "skipped",
                },
                row[1]
            );
            Assert.Equal(rule.Reason, row[2]);
        }

        Assert.Equal("geo_pool", decision.MatchedRule);
        var company = decision.Explanation.Sources.Single(s => s.Source == "company");
        // The company's row of the sources table; a blocked account's row names the company in its error column.
        Assert.Equal(
            company.Status.ToString(),
            Assert.Single(run.Rows("│ company "), r => r.Length == 5 && r[0] == "company")[2]
        );
        Assert.All(decision.Explanation.Fallbacks, f =>
            Assert.Contains($"Fallback {f.Fallback}: {f.Reason}", run.Output, StringComparison.Ordinal)
        );
        Assert.Contains(decision.Explanation.Fallbacks, f => f.Fallback == "ai_rep");

        var listed = await HubCtlRun.AgainstAsync(Hub, ["decisions", "list", "--since", "1h", "--rule", "geo_pool"]);
        Assert.Contains(listed.Rows(decision.Id), r => r[3] == "geo_pool" && r[4] == "AI rep Hub AI");
    }

    [Fact]
    public async Task A_key_issued_with_the_cli_works_within_its_scope_until_it_is_revoked()
    {
        var issued = await HubCtlRun.AgainstAsync(
            Hub,
            ["keys", "issue", "--name", "chat-widget", "--scope", "routing"]
        );
        Assert.True(issued.ExitCode == 0, issued.ToString());
        var secret = issued
            .Output.Split('\n')
            .Select(l => l.Trim())
            .Single(l => l.StartsWith("ihk_", StringComparison.Ordinal));
        var id = Assert.Single((await HubCtlRun.AgainstAsync(Hub, ["keys", "list"])).Rows("chat-widget"))[0];

        var routing = await HubCtlRun.AgainstAsync(Hub, ["decisions", "list"], secret);
        Assert.Equal(0, routing.ExitCode);
        var admin = await HubCtlRun.AgainstAsync(Hub, ["connectors"], secret);
        Assert.Equal(1, admin.ExitCode);
        Assert.Contains("PermissionDenied", admin.Output, StringComparison.Ordinal);
        Assert.Contains("admin", admin.Output, StringComparison.Ordinal);

        var revoked = await HubCtlRun.AgainstAsync(Hub, ["keys", "revoke", id]);
        Assert.True(revoked.ExitCode == 0, revoked.ToString());
        Assert.Contains($"Revoked chat-widget ({id})", revoked.Output, StringComparison.Ordinal);
        Assert.NotEqual(
            "",
            Assert.Single((await HubCtlRun.AgainstAsync(Hub, ["keys", "list"])).Rows("chat-widget"))[4]
        );
        var refused = await HubCtlRun.AgainstAsync(Hub, ["decisions", "list"], secret);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("Unauthenticated", refused.Output, StringComparison.Ordinal);
        Assert.Contains("--api-key", refused.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Dead_letters_on_a_healthy_hub_say_so_and_retrying_an_unknown_effect_is_not_found()
    {
        var list = await HubCtlRun.AgainstAsync(Hub, ["dead-letters", "list"]);
        Assert.True(list.ExitCode == 0, list.ToString());
        Assert.Contains("0 dead", list.Output, StringComparison.Ordinal);
        Assert.Contains("No dead letters.", list.Output, StringComparison.Ordinal);

        var retry = await HubCtlRun.AgainstAsync(Hub, ["dead-letters", "retry", "999999"]);
        Assert.Equal(1, retry.ExitCode);
        Assert.Contains("NotFound", retry.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Mistakes_get_an_answer_an_operator_can_act_on()
    {
        var noKey = await HubCtlRun.RunAsync("connectors", "--hub", Hub.GrpcAddress.ToString(), "--api-key", "");
        Assert.Equal(1, noKey.ExitCode);
        Assert.Contains("Unauthenticated", noKey.Output, StringComparison.Ordinal);

        var nowhere = await HubCtlRun.RunAsync(
            "connectors",
            "--hub",
            "http://127.0.0.1:9",
            "--api-key",
            HubCredentials.Key
        );
        Assert.Equal(3, nowhere.ExitCode);
        Assert.Contains("Cannot reach the hub at http://127.0.0.1:9", nowhere.Output, StringComparison.Ordinal);

        var badWindow = await HubCtlRun.AgainstAsync(Hub, ["decisions", "list", "--since", "yesterday"]);
        Assert.NotEqual(0, badWindow.ExitCode);
        Assert.Contains("'yesterday' is not a duration", badWindow.Output, StringComparison.Ordinal);

        var unknown = await HubCtlRun.AgainstAsync(Hub, ["decisions", "explain", "nope"]);
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("NotFound", unknown.Output, StringComparison.Ordinal);
    }
}
