using System.Diagnostics;
using IntegrationHub.Testing;

namespace IntegrationHub.Server.Tests.Startup;

/// <summary>
/// The README's walk through the sandbox is docs/walkthrough.sh, shown in the README as it is and run here against a
/// sandbox hub process with the defaults a user gets (demo hours on), at whatever hour CI runs: a human rep, a decline
/// leading to a meeting offer, a booked meeting with a link.
/// </summary>
public sealed class WalkthroughTests
{
    private static readonly string Repository = Hosting.Repository.Root;
    private static readonly string Script = Path.Combine(Repository, "docs", "walkthrough.sh");

    [Fact]
    public void The_readme_shows_the_walkthrough_script_as_ci_runs_it()
    {
        var readme = File.ReadAllText(Path.Combine(Repository, "README.md")).ReplaceLineEndings("\n");
        var script = File.ReadAllText(Script).ReplaceLineEndings("\n");

        Assert.Contains($"```bash\n{script}```", readme, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_walkthrough_script_keeps_its_promises_on_a_default_sandbox_hub()
    {
        await using var hub = await HubProcess.StartAsync(
            new Dictionary<string, string?> { ["Sandbox:DemoHours"] = "true" }
        );
        Assert.Contains("Sandbox demo hours: every rep counts as inside working hours", hub.Output);

        var (exitCode, output) = await RunAsync(hub);

        Assert.True(exitCode == 0, output);
        Assert.Contains("Offered to ", output, StringComparison.Ordinal);
        Assert.Contains("Meeting booked at ", output, StringComparison.Ordinal);
        Assert.Contains(
            "Walk-through done: a human rep, a decline leading to a meeting offer, a booked meeting with a link.",
            output,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public async Task The_walkthrough_script_fails_when_the_hub_refuses_it()
    {
        await using var hub = await HubProcess.StartAsync(new Dictionary<string, string?>());

        var (exitCode, output) = await RunAsync(hub, key: "not-a-key");

        Assert.True(exitCode != 0, output);
        Assert.DoesNotContain("Walk-through done", output, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(HubProcess hub, string key = HubCredentials.Key)
    {
        var info = new ProcessStartInfo("bash", [Script])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = Repository,
        };
        info.Environment["HUB_URL"] = hub.GrpcAddress.ToString().TrimEnd('/');
        info.Environment["HUB_API_KEY"] = key;
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(limit.Token);
        return (process.ExitCode, await output + await error);
    }
}
