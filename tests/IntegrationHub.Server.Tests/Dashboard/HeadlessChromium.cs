using System.Diagnostics;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace IntegrationHub.Server.Tests.Dashboard;

/// <summary>
/// Debian's chromium, headless: loads a page, lets its scripts run (and fetch) for a few
/// seconds of virtual time, and returns the document as the browser left it.
/// </summary>
public static class HeadlessChromium
{
    public static async Task<IDocument> RenderAsync(string url)
    {
        var binary = new[] { "/usr/bin/chromium", "/usr/bin/chromium-browser" }.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException(
                "The dashboard tests need Debian's chromium: apt-get install -y chromium (.ci/run installs it)."
            );
        var profile = Directory.CreateTempSubdirectory("hub-chromium-");
        var info = new ProcessStartInfo(binary)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            ArgumentList =
            {
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--no-first-run",
                $"--user-data-dir={profile.FullName}",
                "--virtual-time-budget=4000",
                "--dump-dom",
                url,
            },
        };
        try
        {
            using var process = Process.Start(info)!;
            var dom = process.StandardOutput.ReadToEndAsync();
            var errors = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await process.WaitForExitAsync(timeout.Token);
            var html = await dom;
            Assert.True(html.Length > 0, $"chromium printed no document (exit {process.ExitCode}): {await errors}");
            return await new HtmlParser().ParseDocumentAsync(html);
        }
        finally
        {
            profile.Delete(recursive: true);
        }
    }

    /// <summary>What a person sees of an element: its text, or nothing when it or an ancestor is hidden.</summary>
    public static string Seen(this IElement? element)
    {
        for (var node = element; node is not null; node = node.ParentElement)
        {
            if (node.HasAttribute("hidden"))
            {
                return "";
            }
        }

        return element is null
            ? ""
            : string.Join(
                ' ',
                element.TextContent.Split((char[])[' ', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries)
            );
    }
}
