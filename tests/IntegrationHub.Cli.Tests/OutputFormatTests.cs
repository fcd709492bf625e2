using System.Text.Json;
using IntegrationHub.Testing;
using YamlDotNet.Serialization;

namespace IntegrationHub.Cli.Tests;

/// <summary>
/// hubctl for scripts: --output json (-o) on every command family parses, in the proto JSON mapping; yaml is the same
/// tree; refusals are data with the same exit codes; piped tables keep each row on one line.
/// </summary>
public sealed class OutputFormatTests(SandboxHubFixture fixture) : IClassFixture<SandboxHubFixture>
{
    private const string LondonIp = "198.51.100.115"; // Thames Fintech, GB: the EMEA geo pool

    private HubProcess Hub => fixture.Hub;

    [Fact]
    public async Task Connectors_as_json_name_each_connector_with_its_health_as_the_enum_name()
    {
        var json = await JsonAsync(["connectors", "-o", "json"]);

        var connectors = json.GetProperty("connectors").EnumerateArray().ToList();
        Assert.Equal(
            ["Marketo", "Outreach", "Salesforce", "SixSense", "Zoom"],
            connectors.Select(c => c.GetProperty("name").GetString()).Order()
        );
        Assert.All(connectors, c => Assert.Equal("CONNECTOR_HEALTH_HEALTHY", c.GetProperty("health").GetString()));
        Assert.All(connectors, c => Assert.True(c.GetProperty("sandbox").GetBoolean()));
    }

    [Fact]
    public async Task Yaml_is_the_same_tree_as_json()
    {
        var json = await JsonAsync(["sandbox", "status", "--output", "json"]);
        var yaml = await HubCtlRun.AgainstAsync(Hub, ["sandbox", "status", "--output", "yaml"]);

        Assert.True(yaml.ExitCode == 0, yaml.ToString());
        var tree = new DeserializerBuilder()
            .Build()
            .Deserialize<Dictionary<string, List<Dictionary<string, string>>>>(yaml.Output);
        var fromJson = json.GetProperty("conditions").EnumerateArray().ToList();
        Assert.Equal(fromJson.Count, tree["conditions"].Count);
        foreach (var (j, y) in fromJson.Zip(tree["conditions"]))
        {
            Assert.Equal(j.EnumerateObject().Select(p => p.Name), y.Keys);
            Assert.All(j.EnumerateObject(), p => Assert.Equal(p.Value.ToString(), y[p.Name]));
        }
    }

    [Fact]
    public async Task Decisions_as_json_carry_ids_enum_names_and_utc_times()
    {
        var decision = await Hub.RouteVisitorAsync(LondonIp);

        var explained = (await JsonAsync(["decisions", "explain", decision.Id, "-o", "json"])).GetProperty("decision");
        var listed = await JsonAsync(["decisions", "list", "--since", "1h", "-o", "json"]);

        Assert.Equal(decision.Id, explained.GetProperty("id").GetString());
        Assert.Equal("DECISION_KIND_VISITOR", explained.GetProperty("kind").GetString());
        Assert.Equal(decision.MatchedRule, explained.GetProperty("matchedRule").GetString());
        var at = explained.GetProperty("createTime").GetString()!;
        Assert.EndsWith("Z", at, StringComparison.Ordinal);
        Assert.Equal(decision.CreateTime.ToDateTimeOffset(), DateTimeOffset.Parse(at, null));
        Assert.Equal(
            decision.Explanation.Rules.Select(r => r.Rule),
            explained
                .GetProperty("explanation")
                .GetProperty("rules")
                .EnumerateArray()
                .Select(r => r.GetProperty("rule").GetString())
        );
        Assert.Contains(listed.GetProperty("decisions").EnumerateArray(), d =>
            d.GetProperty("id").GetString() == decision.Id
        );
    }

    [Fact]
    public async Task Keys_dead_letters_preview_and_policy_as_json_parse_with_int64_as_strings()
    {
        var issued = await JsonAsync(["keys", "issue", "--name", "json-script", "--scope", "routing", "-o", "json"]);
        Assert.StartsWith("ihk_", issued.GetProperty("secret").GetString(), StringComparison.Ordinal);
        var id = issued.GetProperty("apiKey").GetProperty("id").GetString()!;
        var keys = await JsonAsync(["keys", "list", "-o", "json"]);
        Assert.Contains(keys.GetProperty("apiKeys").EnumerateArray(), k => k.GetProperty("id").GetString() == id);
        var revoked = await JsonAsync(["keys", "revoke", id, "-o", "json"]);
        Assert.EndsWith(
            "Z",
            revoked.GetProperty("apiKey").GetProperty("revokeTime").GetString(),
            StringComparison.Ordinal
        );

        var dead = await JsonAsync(["dead-letters", "list", "-o", "json"]);
        Assert.Empty(dead.GetProperty("effects").EnumerateArray());
        Assert.Equal(JsonValueKind.String, dead.GetProperty("stats").GetProperty("dead").ValueKind);
        Assert.Equal("0", dead.GetProperty("stats").GetProperty("dead").GetString());

        var preview = await JsonAsync(["preview", "visitor", "--ip", LondonIp, "-o", "json"]);
        Assert.Equal("DECISION_KIND_VISITOR", preview.GetProperty("decision").GetProperty("kind").GetString());

        var policy = await JsonAsync(["policy", "show", "-o", "json"]);
        Assert.Equal(20, policy.GetProperty("reps").GetArrayLength());
    }

    [Fact]
    public async Task Refusals_and_invalid_files_are_json_too_with_the_table_exit_codes()
    {
        var notFound = await HubCtlRun.AgainstAsync(Hub, ["decisions", "explain", "nope", "-o", "json"]);
        Assert.Equal(1, notFound.ExitCode);
        Assert.Equal(
            "NOT_FOUND",
            JsonDocument.Parse(notFound.Output).RootElement.GetProperty("error").GetProperty("code").GetString()
        );

        var nowhere = await HubCtlRun.RunAsync("connectors", "--hub", "http://127.0.0.1:9", "-o", "json");
        Assert.Equal(3, nowhere.ExitCode);
        Assert.Equal(
            "UNAVAILABLE",
            JsonDocument.Parse(nowhere.Output).RootElement.GetProperty("error").GetProperty("code").GetString()
        );

        var file = Path.Combine(Path.GetTempPath(), $"bad-policy-{Guid.NewGuid():N}.json");
        await File.WriteAllTextAsync(file, """{"reps": [], "pools": [{"name": "x"}]}""");
        var invalid = await HubCtlRun.RunAsync("policy", "validate", file, "-o", "json");
        Assert.Equal(2, invalid.ExitCode);
        var error = JsonDocument.Parse(invalid.Output).RootElement.GetProperty("error");
        Assert.Equal("INVALID_ARGUMENT", error.GetProperty("code").GetString());
        Assert.NotEmpty(error.GetProperty("fieldViolations").EnumerateArray());

        var conformance = await HubCtlRun.RunAsync(
            "conformance",
            "--capability",
            "billing", // no such capability: refused before anything is called
            "--endpoint",
            "127.0.0.1:9",
            "-o",
            "json"
        );
        Assert.Equal(2, conformance.ExitCode);
        Assert.Equal(
            "INVALID_ARGUMENT",
            JsonDocument.Parse(conformance.Output).RootElement.GetProperty("error").GetProperty("code").GetString()
        );
    }

    [Fact]
    public async Task A_piped_table_keeps_each_row_on_one_line_with_its_full_values()
    {
        var decision = await Hub.RouteVisitorAsync(LondonIp);

        var run = await HubCtlRun.PipedAsync(Hub, "decisions", "explain", decision.Id);

        Assert.True(run.ExitCode == 0, run.ToString());
        var lines = run.Output.Split('\n');
        foreach (var rule in decision.Explanation.Rules)
        {
            var facts = string.Join("; ", rule.Facts.Select(f => $"{f.Name} = {f.Value}"));
            Assert.Single(lines, l =>
                l.Contains($"│ {rule.Rule} ", StringComparison.Ordinal)
                && l.Contains(rule.Reason, StringComparison.Ordinal)
                && l.Contains(facts, StringComparison.Ordinal)
            );
        }

        var listed = await HubCtlRun.PipedAsync(Hub, "decisions", "list", "--since", "1h");
        Assert.Single(listed.Output.Split('\n'), l => l.Contains(decision.Id, StringComparison.Ordinal));
    }

    private async Task<JsonElement> JsonAsync(string[] args)
    {
        var run = await HubCtlRun.AgainstAsync(Hub, args);
        Assert.True(run.ExitCode == 0, run.ToString());
        return JsonDocument.Parse(run.Output).RootElement;
    }
}
