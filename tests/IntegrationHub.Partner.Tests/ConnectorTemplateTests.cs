using System.Diagnostics;
using IntegrationHub.Contracts.Routing.V1;
using IntegrationHub.Testing;
using Xunit.Abstractions;

namespace IntegrationHub.Partner.Tests;

/// <summary>
/// A partner's connector from `dotnet new integrationhub-connector`, outside this repository, against the packed
/// packages only, made by running the commands of connectors/README.md's partner section as written there
/// (<see cref="PartnerGuide"/>): it builds, its own and the conformance tests pass, `deploy.sh` puts plugin and fake
/// into a hub's plugins folder, and a real hub process, configured with what deploy printed, routes with the facts
/// the template's fake seeded.
/// </summary>
[Collection(PartnerCollection.Name)]
public sealed class ConnectorTemplateTests(PartnerWorkspace workspace, ITestOutputHelper output)
{
    [Fact]
    public async Task The_partner_guide_makes_an_enrichment_connector_that_deploys_and_enriches_a_visitor()
    {
        var (plugins, printed) = await FollowTheGuideAsync("enrichment", deploy: true);
        var settings = PrintedSettings(printed);
        Assert.Equal("Acme.Connector", settings["Plugins:Allowed:0:Name"]);
        Assert.Equal("Acme.Connector.Fake", settings["Plugins:Allowed:1:Name"]);
        Assert.Equal("Acme", settings["Capabilities:Enrichment:Connector"]);
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
    public async Task The_partner_guide_makes_a_crm_connector_that_deploys_and_gives_a_routed_lead_its_account()
    {
        var (plugins, printed) = await FollowTheGuideAsync("crm", deploy: true);
        Assert.Contains("CrmConformance", File.ReadAllText(ConformanceTests("crm")), StringComparison.Ordinal);
        var settings = PrintedSettings(printed);
        Assert.Equal("Acme", settings["Capabilities:Crm:Connector"]);
        settings["Plugins:Path"] = plugins;

        await using var hub = await HubProcess.StartAsync(settings);
        // An MQL from a company only the template's CRM seed holds: Kiwi Orchard Analytics (kiwi-orchard.example),
        // Actively Working, its BDR U-200. A cold hub can miss the fact deadline on its first call: ask again then.
        Decision decision = null!;
        await Eventually.HappensAsync(
            async () =>
            {
                decision = (
                    await new RoutingService.RoutingServiceClient(hub.Channel).RouteLeadAsync(
                        new RouteLeadRequest
                        {
                            RequestId = Guid.NewGuid().ToString("N"),
                            Lead = new LeadSubmission
                            {
                                Email = $"buyer-{Guid.NewGuid():N}@kiwi-orchard.example",
                                FirstName = "Wiremu",
                                LastName = "Tane",
                                Company = "Kiwi Orchard Analytics",
                                CountryCode = "NZ",
                                Title = "Analyst",
                                LeadScore = 120,
                            },
                        }
                    )
                ).Decision;
                return decision.Explanation.Sources.Any(s => s.Capability == "crm" && s.Status == SourceStatus.Ok);
            },
            "a routed lead with the CRM's facts within the fact deadline"
        );

        Assert.Contains(decision.Explanation.Sources, s => s.Capability == "crm" && s.Connector == "Acme");
        var facts = decision.Explanation.Rules.SelectMany(r => r.Facts).ToList();
        Assert.Contains(facts, f => f.Name == "account.bdr_assigned" && f.Value == "U-200");
    }

    /// <summary>
    /// The guide's commands with another capability: the generated connector passes its own tests and the SDK's
    /// conformance suite for that capability. Deploying is the same script for every capability (only the
    /// Capabilities line it prints differs; enrichment and crm prove it through a hub), so these stop after the tests.
    /// </summary>
    [Theory]
    [InlineData("sequencing", "SequencingConformance")]
    [InlineData("marketing", "MarketingConformance")]
    [InlineData("meetings", "MeetingsConformance")]
    public async Task The_partner_guide_makes_a_connector_for_every_capability_that_passes_its_tests(
        string capability,
        string suite
    )
    {
        var (_, printed) = await FollowTheGuideAsync(capability, deploy: false);

        Assert.Contains("Passed!", printed, StringComparison.Ordinal);
        Assert.DoesNotContain("Failed!", printed, StringComparison.Ordinal);
        Assert.Contains($": {suite}", File.ReadAllText(ConformanceTests(capability)), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_capability_the_hub_does_not_have_is_refused_naming_the_five_it_does()
    {
        var made = await workspace.RunAsync(
            workspace.Root,
            "dotnet",
            [
                "new",
                "integrationhub-connector",
                "-n",
                "Acme",
                "--capability",
                "presence",
                "-o",
                Path.Combine(workspace.Root, "AcmePresence"),
                "--debug:custom-hive",
                workspace.Hive,
            ]
        );

        Assert.NotEqual(0, made.ExitCode);
        Assert.Contains("'presence' is not a valid value for --capability", made.Output, StringComparison.Ordinal);
        Assert.All(new[] { "enrichment", "crm", "sequencing", "marketing", "meetings" }, c =>
            Assert.Contains(c, made.Output, StringComparison.Ordinal)
        );
        Assert.False(Directory.Exists(Path.Combine(workspace.Root, "AcmePresence")));
    }

    /// <summary>
    /// Runs the partner guide's commands in a folder of the workspace's own for <paramref name="capability"/>, with a
    /// template hive of its own (the guide installs the template), up to the tests or through the deploy; returns
    /// the hub's plugins folder and everything the commands printed. Reports how long it took.
    /// </summary>
    private async Task<(string Plugins, string Printed)> FollowTheGuideAsync(string capability, bool deploy)
    {
        var folder = Directory.CreateDirectory(Path.Combine(workspace.Root, capability)).FullName;
        var plugins = Path.Combine(folder, "hub-plugins");
        var script = PartnerGuide.Script(workspace.Feed, plugins, Path.Combine(folder, "hive"), capability);
        if (!deploy)
        {
            script = script[..script.IndexOf("\nbash deploy.sh", StringComparison.Ordinal)];
        }

        var clock = Stopwatch.StartNew();
        var run = await workspace.RunAsync(folder, "bash", "-c", script);
        output.WriteLine($"The partner guide for {capability} took {clock.Elapsed.TotalSeconds:F0} s.");
        Assert.True(run.ExitCode == 0, run.ToString());
        Assert.Contains("Passed!", run.Output, StringComparison.Ordinal);
        return (plugins, run.Output);
    }

    private string ConformanceTests(string capability) =>
        Path.Combine(workspace.Root, capability, "Acme", "tests", "Acme.Connector.Tests", "AcmeConformanceTests.cs");

    /// <summary>The "Key:Path=Value" lines deploy.sh printed for the hub's configuration.</summary>
    private static Dictionary<string, string?> PrintedSettings(string output) =>
        output
            .Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Where(l => l.Contains(':', StringComparison.Ordinal) && l.Contains('=', StringComparison.Ordinal))
            .Where(l => !l.Contains(' ', StringComparison.Ordinal) && !l.StartsWith('+'))
            .Select(l => l.Split('=', 2))
            .ToDictionary(p => p[0], p => (string?)p[1]);
}
