using AngleSharp.Dom;
using IntegrationHub.Contracts.Routing.V1;
using IntegrationHub.Testing;

namespace IntegrationHub.Server.Tests.Dashboard;

/// <summary>
/// The live dashboard in a real headless browser against the hub as `dotnet run` starts it
/// (sandbox fakes, a separate process): what a sales manager sees after a few visitors.
/// </summary>
public sealed class DashboardTests : IAsyncLifetime
{
    private const string LondonIp = "198.51.100.115"; // Thames Fintech, GB: the EMEA pool
    private const string UnknownIp = "192.0.2.200"; // nobody known: AMER, where nobody is available

    private HubProcess _hub = null!;

    public async Task InitializeAsync() =>
        _hub = await HubProcess.StartAsync(
            new Dictionary<string, string?>
            {
                ["Routing:PolicyFile"] = DemoPolicy.AlwaysOpen(
                    TimeSpan.FromMinutes(5),
                    factDeadline: TimeSpan.FromSeconds(15)
                ),
            }
        );

    public async Task DisposeAsync() => await _hub.DisposeAsync();

    [Fact]
    public async Task A_manager_sees_who_waits_each_reps_availability_the_days_figures_and_why_each_visitor_went_where()
    {
        var presence = new PresenceService.PresenceServiceClient(_hub.Channel);
        await presence.SetRepPresenceAsync(
            new SetRepPresenceRequest { RepId = "005SDR050000000YBA", Status = PresenceStatus.Available }
        );
        await presence.SetRepPresenceAsync(
            new SetRepPresenceRequest { RepId = "005SDR060000000YBA", Status = PresenceStatus.Away }
        );
        var london = await _hub.RouteVisitorAsync(LondonIp);
        var unknown = await _hub.RouteVisitorAsync(UnknownIp);
        Assert.Equal("005SDR050000000YBA", london.Target.RepId);
        Assert.Equal(TargetKind.AiRep, unknown.Target.Kind);

        var page = await HeadlessChromium.RenderAsync($"{_hub.HttpAddress}dashboard#key={HubCredentials.Key}");

        Assert.StartsWith("Updated ", page.GetElementById("status").Seen(), StringComparison.Ordinal);
        Assert.Equal("", page.GetElementById("key-form").Seen());

        // The figures of the day (DOMAIN.md, "Metrics reps and managers look at").
        Assert.Equal("1", Figure(page, "Sessions where the visitor waited for a rep"));
        Assert.Equal("0", Figure(page, "Waited and had a conversation"));
        Assert.Equal("1", Figure(page, "Waited and had none"));
        Assert.Equal("0", Figure(page, "Sessions routed for pouncing"));
        Assert.Matches(@"^\d+ s$", Figure(page, "Total rep availability"));

        // Who is waiting, for whom, and for how long.
        Assert.Equal("", page.GetElementById("waiting-empty").Seen());
        var waiting = Cells(page.QuerySelector($"tr[data-conversation='{london.ConversationId}']"));
        Assert.Equal("Elise Martin", waiting[1]);
        Assert.Matches(@"^\d+ s$", waiting[2]);
        Assert.Matches(@"^[1-5] min \d+ s$|^\d+ s$", waiting[3]);

        // Reps: status now, working hours, pools, and a bar for each span of availability today.
        var elise = page.QuerySelector("tr[data-rep='005SDR050000000YBA']");
        Assert.Equal(["Elise Martin", "available", "in hours", "sdr-emea, lang-fr"], Cells(elise)[..4]);
        Assert.NotEmpty(elise!.QuerySelectorAll(".timeline span"));
        Assert.Contains(
            "Elise Martin was available for",
            elise.QuerySelector(".timeline")!.GetAttribute("aria-label"),
            StringComparison.Ordinal
        );
        Assert.Equal("away", Cells(page.QuerySelector("tr[data-rep='005SDR060000000YBA']"))[1]);
        Assert.Equal("offline", Cells(page.QuerySelector("tr[data-rep='005SDR010000000YBA']"))[1]);
        Assert.Empty(page.QuerySelector("tr[data-rep='005SDR010000000YBA']")!.QuerySelectorAll(".timeline span"));

        // The latest decisions, newest first, each with why.
        var decisions = page.QuerySelectorAll("#decisions > li")
            .Select(li => li.GetAttribute("data-decision"))
            .ToList();
        Assert.Equal([unknown.Id, london.Id], decisions);
        var toElise = page.QuerySelector($"li[data-decision='{london.Id}']");
        Assert.Equal(
            "Visitor → Elise Martin (round robin in sdr-emea) by geo_pool",
            toElise!.QuerySelector(".headline").Seen()
        );
        Assert.Equal("GB is in EMEA: round robin in sdr-emea", toElise.QuerySelector(".why").Seen());
        var toAi = page.QuerySelector($"li[data-decision='{unknown.Id}']");
        Assert.Equal("Visitor → AI rep Hub AI by geo_pool", toAi!.QuerySelector(".headline").Seen());
        Assert.Contains(
            "no member of sdr-amer is available for chats",
            toAi.QuerySelector(".why").Seen(),
            StringComparison.Ordinal
        );
        Assert.Contains("geo_pool: matched", toAi.QuerySelector("details").Seen(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Without_a_key_or_with_a_refused_one_the_page_shows_no_data_and_asks_for_a_key()
    {
        var bare = await HeadlessChromium.RenderAsync($"{_hub.HttpAddress}dashboard");
        Assert.Equal("This dashboard needs an API key.", bare.GetElementById("status").Seen());
        Assert.Contains("routing scope", bare.GetElementById("key-form").Seen(), StringComparison.Ordinal);
        Assert.Equal("", bare.GetElementById("board").Seen());

        var refused = await HeadlessChromium.RenderAsync(
            $"{_hub.HttpAddress}dashboard#key=ihk_0000000000000000_not-a-real-key"
        );
        Assert.Contains(
            "the hub refused the key (HTTP 401)",
            refused.GetElementById("status").Seen(),
            StringComparison.Ordinal
        );
        Assert.Equal("", refused.GetElementById("board").Seen());
        Assert.Empty(refused.QuerySelectorAll("#reps tbody tr"));
    }

    [Fact]
    public async Task The_page_is_locked_to_the_hubs_own_origin()
    {
        using var http = new HttpClient();
        using var response = await http.GetAsync(new Uri(_hub.HttpAddress, "dashboard"));
        response.EnsureSuccessStatusCode();
        var policy = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("default-src 'none'", policy, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", policy, StringComparison.Ordinal);
        Assert.Contains("connect-src 'self'", policy, StringComparison.Ordinal);
        Assert.Equal("nosniff", Assert.Single(response.Headers.GetValues("X-Content-Type-Options")));
    }

    private static string Figure(IDocument page, string label) =>
        page.QuerySelector($"[data-metric='{label}'] dd").Seen();

    private static string[] Cells(IElement? row)
    {
        Assert.NotNull(row);
        Assert.NotEqual("", row.Seen());
        return [.. row.QuerySelectorAll("td").Select(td => td.Seen())];
    }
}
