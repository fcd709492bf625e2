using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using IntegrationHub.Server.Http;
using IntegrationHub.Testing;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace IntegrationHub.Server.Tests.Http;

/// <summary>
/// The API reference at /docs as a person uses it, in Debian's chromium driven by Playwright (never a downloaded
/// browser), against the hub as `dotnet run` starts it: every operation listed, one called with a key.
/// </summary>
public sealed class ApiDocsBrowserTests : IAsyncLifetime
{
    private static readonly LocatorAssertionsToBeVisibleOptions Visible = new() { Timeout = 60_000 };
    private static readonly LocatorAssertionsToContainTextOptions Shown = new() { Timeout = 60_000 };

    private HubProcess _hub = null!;
    private IPlaywright _playwright = null!;
    private IBrowser _browser = null!;

    public async Task InitializeAsync()
    {
        _hub = await HubProcess.StartAsync(new Dictionary<string, string?>());
        _playwright = await Playwright.CreateAsync();
        _browser = await _playwright.Chromium.LaunchAsync(
            new() { ExecutablePath = "/usr/bin/chromium", Args = ["--no-sandbox"] }
        );
    }

    public async Task DisposeAsync()
    {
        await _browser.DisposeAsync();
        _playwright.Dispose();
        await _hub.DisposeAsync();
    }

    [Fact]
    public async Task A_person_sees_every_operation_and_calls_one_with_their_key_all_served_by_the_hub()
    {
        using var http = new HttpClient { BaseAddress = _hub.HttpAddress };
        var document = JsonNode.Parse(await http.GetStringAsync(OpenApiDocument.Path))!;
        var page = await _browser.NewPageAsync();
        var elsewhere = new List<string>();
        page.Request += (_, request) =>
        {
            if (
                request.Url.StartsWith("http", StringComparison.Ordinal)
                && !request.Url.StartsWith(_hub.HttpAddress.ToString(), StringComparison.Ordinal)
            )
            {
                elsewhere.Add(request.Url);
            }
        };

        await page.GotoAsync(new Uri(_hub.HttpAddress, OpenApiDocument.DocsPath).ToString());

        // Every operation of the document, by its summary, in the sidebar once each service's group is open.
        foreach (var tag in document["tags"]!.AsArray().Select(t => (string)t!["name"]!))
        {
            var closed = page.GetByRole(AriaRole.Button, new() { Name = "Open Group - " + tag, Exact = true });
            await Expect(
                    page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex($"^(Open|Close) Group - {tag}$") })
                )
                .ToBeVisibleAsync(Visible);
            if (await closed.CountAsync() > 0)
            {
                await closed.ClickAsync();
            }
        }

        var summaries = document["paths"]!
            .AsObject()
            .SelectMany(p => p.Value!.AsObject().Select(o => (string)o.Value!["summary"]!))
            .ToList();
        Assert.Equal(12, summaries.Count);
        foreach (var summary in summaries)
        {
            await Expect(page.GetByText(summary, new() { Exact = true }).First).ToBeVisibleAsync(Visible);
        }

        // List reps: refused without a key, answered once the person enters theirs.
        await page.GetByText("List reps", new() { Exact = true }).First.ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Test Request (get /v1/reps)" }).ClickAsync();
        var client = page.GetByRole(AriaRole.Dialog);
        var send = client.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Send get request") });
        await send.ClickAsync();
        await Expect(client).ToContainTextAsync("401 Unauthorized", Shown);

        await client.GetByRole(AriaRole.Textbox, new() { Name = "Value", Exact = true }).FillAsync(HubCredentials.Key);
        await send.ClickAsync();
        await Expect(client).ToContainTextAsync("200 OK", Shown);
        await Expect(client).ToContainTextAsync("Olivia Brooks", Shown);

        // Scalar's own script, the document and the call all came from the hub: nothing from a CDN.
        Assert.Empty(elsewhere);
    }
}
