using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using IntegrationHub.Contracts.Routing.V1;
using IntegrationHub.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IntegrationHub.Server.Tests.Dashboard;

/// <summary>
/// The live dashboard as a sales-development manager uses it, in Debian's chromium driven by Playwright, against the
/// hub as `dotnet run` starts it (sandbox fakes, a separate process): enter a key, watch a visitor appear, open a
/// decision's explanation, pick a rep.
/// </summary>
public sealed partial class DashboardTests(DashboardBrowser browser) : IClassFixture<DashboardBrowser>, IAsyncLifetime
{
    private const string LondonIp = "198.51.100.115"; // Thames Fintech, GB: the EMEA pool
    private const string UnknownIp = "192.0.2.200"; // nobody known: AMER, where nobody is available
    private const string Elise = "005SDR050000000YBA"; // EMEA, speaks French
    private const string Avery = "005SDR010000000YBA"; // Avery Johnson: no cap

    private HubProcess _hub = null!;

    public async Task InitializeAsync()
    {
        // Elise may take five chats a day: the Cap column shows her load against it.
        var policyFile = DemoPolicy.AlwaysOpen(TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(15));
        var policy = JsonNode.Parse(await File.ReadAllTextAsync(policyFile))!;
        policy["reps"]!.AsArray().Single(r => (string?)r!["id"] == Elise)!["caps"] = new JsonObject
        {
            ["chatsPerDay"] = 5,
        };
        await File.WriteAllTextAsync(policyFile, policy.ToJsonString());
        _hub = await HubProcess.StartAsync(new Dictionary<string, string?> { ["Routing:PolicyFile"] = policyFile });
    }

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    private Uri Dashboard => new(_hub.HttpAddress, "dashboard");

    [Fact]
    public async Task A_manager_enters_a_key_and_the_prompt_gives_way_to_the_board_with_a_change_key_link()
    {
        var page = await browser.OpenAsync(Dashboard);
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("This dashboard needs an API key.");
        await Expect(page.Locator("#board")).ToBeHiddenAsync();

        await page.GetByLabel("This page reads the hub with an API key").FillAsync(HubCredentials.Key);
        await page.GetByRole(AriaRole.Button, new() { Name = "Show the dashboard" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync(UpdatedLive());
        await Expect(page.Locator("#board")).ToBeVisibleAsync();
        await Expect(page.Locator("#key-form")).ToBeHiddenAsync();
        var changeKey = page.GetByRole(AriaRole.Button, new() { Name = "Change key" });
        await Expect(changeKey).ToBeVisibleAsync();

        await changeKey.ClickAsync();
        await page.GetByLabel("This page reads the hub with an API key").FillAsync("ihk_0000000000000000_not-a-key");
        await page.GetByRole(AriaRole.Button, new() { Name = "Show the dashboard" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("the hub refused the key (HTTP 401)");
        await Expect(page.Locator("#board")).ToBeHiddenAsync();
        await Expect(changeKey).ToBeHiddenAsync();
    }

    [Fact]
    public async Task A_routed_visitor_appears_without_reloading_and_its_full_explanation_opens()
    {
        var page = await browser.OpenAsync(new Uri($"{Dashboard}#key={HubCredentials.Key}"));
        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync(UpdatedLive());
        await Expect(page.Locator("#decisions-empty")).ToHaveTextAsync("No decisions yet today.");
        // Marks this load of the page: a reload would lose it.
        await page.EvaluateAsync("() => { window.sameLoad = true; }");
        await SetAvailableAsync(Elise);

        var london = await _hub.RouteVisitorAsync(LondonIp);

        var item = page.Locator($"#decisions li[data-decision='{london.Id}']");
        var headline = "Visitor → Elise Martin (round robin in sdr-emea) by geo_pool";
        await Expect(item.GetByRole(AriaRole.Button)).ToHaveTextAsync(headline);
        await Expect(item.Locator(".why")).ToHaveTextAsync("GB is in EMEA: round robin in sdr-emea");
        Assert.True(await page.EvaluateAsync<bool>("() => window.sameLoad === true"), "the page was reloaded");
        // The visitor now waits for Elise, and the day's chart counts the decision under its rule.
        await Expect(page.Locator($"#waiting tr[data-conversation='{london.ConversationId}']"))
            .ToContainTextAsync("Elise Martin");
        await Expect(page.Locator("#wait-times svg > title"))
            .ToHaveTextAsync(new Regex("^1 visitors waited for a rep today: 0–5 s (0|1), 5–10 s (0|1), "));
        await page.GetByText("Decisions per hour as a table").ClickAsync();
        var hour = london.CreateTime.ToDateTime().ToString("HH", CultureInfo.InvariantCulture) + ":00";
        await Expect(page.Locator("#per-hour table tbody tr")).ToHaveTextAsync([$"{hour}11"]);
        await Expect(page.Locator("#per-hour table thead")).ToHaveTextAsync("Hour (UTC)geo_poolTotal");

        await item.GetByRole(AriaRole.Button).ClickAsync();

        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToBeVisibleAsync();
        await Expect(dialog.GetByRole(AriaRole.Heading, new() { Level = 2 })).ToHaveTextAsync(headline);
        var geoPool = Row(page, dialog.Locator("table").First, "geo_pool");
        await Expect(geoPool.Locator("td").Nth(1)).ToHaveTextAsync("matched");
        await Expect(geoPool.Locator("td").Nth(2)).ToHaveTextAsync("GB is in EMEA: round robin in sdr-emea");
        await Expect(geoPool.Locator("td").Nth(3)).ToContainTextAsync("visitor.country_code = GB");
        var publicSector = Row(page, dialog.Locator("table").First, "public_sector");
        await Expect(publicSector.Locator("td").Nth(1)).ToHaveTextAsync("not matched");
        var company = Row(page, dialog.Locator("table").Nth(1), "company");
        await Expect(company.Locator("td").Nth(2)).ToHaveTextAsync("SixSense");
        await Expect(company.Locator("td").Nth(3)).ToHaveTextAsync("ok");
        await page.Keyboard.PressAsync("Escape");
        await Expect(dialog).ToBeHiddenAsync();
    }

    [Fact]
    public async Task Selecting_a_rep_shows_their_load_availability_and_only_their_decisions()
    {
        await SetAvailableAsync(Elise);
        var london = await _hub.RouteVisitorAsync(LondonIp);
        var unknown = await _hub.RouteVisitorAsync(UnknownIp);
        Assert.Equal(Elise, london.Target.RepId);
        Assert.Equal(TargetKind.AiRep, unknown.Target.Kind);
        var page = await browser.OpenAsync(new Uri($"{Dashboard}#key={HubCredentials.Key}"));
        await Expect(page.Locator("#decisions li")).ToHaveCountAsync(2);
        var eliseRow = page.Locator($"#reps tr[data-rep='{Elise}']");
        await Expect(eliseRow.Locator("td").Nth(4)).ToHaveTextAsync("1");
        await Expect(eliseRow.Locator("td").Nth(5)).ToHaveTextAsync("1 of 5 chats today");
        await Expect(page.Locator($"#reps tr[data-rep='{Avery}'] td").Nth(5)).ToHaveTextAsync("no cap");

        await eliseRow.GetByRole(AriaRole.Button, new() { Name = "Elise Martin" }).ClickAsync();

        var detail = page.Locator("#rep-detail");
        await Expect(detail.GetByRole(AriaRole.Heading)).ToHaveTextAsync($"Elise Martin ({Elise})");
        await Expect(detail.Locator("#rep-detail-summary")).ToContainTextAsync("available since");
        await Expect(detail.Locator("#rep-detail-summary")).ToContainTextAsync("1 decisions today");
        await Expect(detail.Locator(".timeline"))
            .ToHaveAttributeAsync(
                "aria-label",
                new Regex(
                    "^Elise Martin was available for \\d+ s today \\(\\d\\d:\\d\\d:\\d\\d–\\d\\d:\\d\\d:\\d\\d\\)$"
                )
            );
        await Expect(page.Locator("#decisions-title")).ToHaveTextAsync("Elise Martin's decisions today");
        await Expect(page.Locator("#decisions li")).ToHaveCountAsync(1);
        await Expect(page.Locator($"#decisions li[data-decision='{london.Id}']")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Show every rep's decisions" }).ClickAsync();

        await Expect(detail).ToBeHiddenAsync();
        await Expect(page.Locator("#decisions li")).ToHaveCountAsync(2);
    }

    [Fact]
    public async Task The_page_is_locked_to_the_hubs_own_origin()
    {
        using var http = new HttpClient();
        using var response = await http.GetAsync(Dashboard);
        response.EnsureSuccessStatusCode();
        var policy = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("connect-src 'self'", policy, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
    }

    /// <summary>The body row of <paramref name="table"/> whose first cell is exactly <paramref name="name"/>.</summary>
    private static ILocator Row(IPage page, ILocator table, string name) =>
        table
            .Locator("tbody tr")
            .Filter(
                new()
                {
                    Has = page.Locator("td:first-child", new() { HasTextRegex = new Regex($"^{Regex.Escape(name)}$") }),
                }
            );

    private async Task SetAvailableAsync(string rep) =>
        await new PresenceService.PresenceServiceClient(_hub.Channel).SetRepPresenceAsync(
            new SetRepPresenceRequest { RepId = rep, Status = PresenceStatus.Available }
        );

    [GeneratedRegex("^Updated \\d\\d:\\d\\d:\\d\\d UTC · new decisions appear as they are made$")]
    private static partial Regex UpdatedLive();
}
