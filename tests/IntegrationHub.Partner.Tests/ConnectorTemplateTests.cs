using IntegrationHub.Contracts.Routing.V1;
using IntegrationHub.Testing;

namespace IntegrationHub.Partner.Tests;

/// <summary>
/// A partner's connector from `dotnet new integrationhub-connector`, outside this repository, against the packed
/// packages only: it builds, its own and the conformance tests pass, `deploy.sh` puts plugin and fake into a hub's
/// plugins folder, and a real hub process, configured with what deploy printed, enriches a routed visitor with the
/// company the template's fake seeded.
/// </summary>
[Collection(PartnerCollection.Name)]
public sealed class ConnectorTemplateTests(PartnerWorkspace workspace)
{
    [Fact]
    public async Task A_connector_made_from_the_template_passes_its_tests_deploys_and_enriches_a_routed_visitor()
    {
        var project = Path.Combine(workspace.Root, "Acme");
        var made = await NewConnectorAsync("enrichment", "-o", project, "--feed", workspace.Feed);
        Assert.True(made.ExitCode == 0, made.ToString());

        var tested = await workspace.RunAsync(project, "dotnet", "test", "tests/Acme.Connector.Tests");
        Assert.True(tested.ExitCode == 0, tested.ToString());
        Assert.Contains("Passed!", tested.Output, StringComparison.Ordinal);

        var plugins = Path.Combine(workspace.Root, "hub-plugins");
        var deployed = await workspace.RunAsync(project, "bash", "deploy.sh", plugins);
        Assert.True(deployed.ExitCode == 0, deployed.ToString());
        var settings = PrintedSettings(deployed.Output);
        Assert.Equal("Acme.Connector", settings["Plugins:Allowed:0:Name"]);
        Assert.Equal("Acme.Connector.Fake", settings["Plugins:Allowed:1:Name"]);
        settings["Plugins:Path"] = plugins;

        await using var hub = await HubProcess.StartAsync(settings);
        // Inside the first company of the template's sandbox seed (Kiwi Orchard Analytics, New Zealand). A cold
        // hub on a loaded machine can miss the policy's 2 s fact deadline on its first call: ask again then.
        Decision decision = null!;
        await Eventually.HappensAsync(
            async () =>
            {
                decision = await hub.RouteVisitorAsync("198.51.100.77");
                return decision.Explanation.Sources.Any(s =>
                    s.Capability == "enrichment" && s.Status != SourceStatus.TimedOut
                );
            },
            "a routed visitor enriched within the fact deadline"
        );

        var enrichment = Assert.Single(decision.Explanation.Sources, s => s.Capability == "enrichment");
        Assert.Equal(("Acme", SourceStatus.Ok), (enrichment.Connector, enrichment.Status));
        Assert.Contains(decision.Explanation.Rules.SelectMany(r => r.Facts), f =>
            f.Name == "visitor.country_code" && f.Value == "NZ"
        );
    }

    [Fact]
    public async Task A_capability_the_template_does_not_carry_yet_is_refused_naming_the_ones_it_does()
    {
        var made = await NewConnectorAsync("crm", "-o", Path.Combine(workspace.Root, "AcmeCrm"));

        Assert.NotEqual(0, made.ExitCode);
        Assert.Contains("'crm' is not a valid value for --capability", made.Output, StringComparison.Ordinal);
        Assert.Contains("enrichment", made.Output, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(workspace.Root, "AcmeCrm")));
    }

    private Task<CommandRun> NewConnectorAsync(string capability, params string[] more) =>
        workspace.RunAsync(
            workspace.Root,
            "dotnet",
            [
                "new",
                "integrationhub-connector",
                "-n",
                "Acme",
                "--capability",
                capability,
                "--debug:custom-hive",
                workspace.Hive,
                .. more,
            ]
        );

    /// <summary>The "Key:Path=Value" lines deploy.sh printed for the hub's configuration.</summary>
    private static Dictionary<string, string?> PrintedSettings(string output) =>
        output
            .Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Where(l => l.Contains(':', StringComparison.Ordinal) && l.Contains('=', StringComparison.Ordinal))
            .Where(l => !l.Contains(' ', StringComparison.Ordinal))
            .Select(l => l.Split('=', 2))
            .ToDictionary(p => p[0], p => (string?)p[1]);
}
