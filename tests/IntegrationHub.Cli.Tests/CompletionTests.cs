using System.Diagnostics;

namespace IntegrationHub.Cli.Tests;

/// <summary>
/// hubctl completion bash: the script it prints, sourced in a real bash, completes a partial command with hubctl's
/// own subcommands and options.
/// </summary>
public sealed class CompletionTests
{
    [Fact]
    public async Task Completion_bash_prints_a_script_that_registers_itself_for_hubctl()
    {
        var run = await HubCtlRun.RunAsync("completion", "bash");

        Assert.Equal(0, run.ExitCode);
        Assert.Contains("complete -o default -F _hubctl_complete hubctl", run.Output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("hubctl dec", "decisions")]
    [InlineData("hubctl decisions l", "list")]
    [InlineData("hubctl --output ", "json\ntable\nyaml")]
    [InlineData("hubctl decisions list --s", "--since")]
    [InlineData("hubctl events subscribe --type offer.", "offer.accepted\noffer.declined\noffer.expired")]
    public async Task Bash_completes_a_partial_command_with_what_can_follow(string line, string expected)
    {
        var hubctl = Path.Combine(AppContext.BaseDirectory, "hubctl.dll");
        var words = line.EndsWith(' ') ? $"{line.TrimEnd()} ''" : line;
        var script = $$"""
            hubctl() { dotnet '{{hubctl}}' "$@"; }
            source <(hubctl completion bash)
            COMP_LINE='{{line}}'; COMP_POINT=${#COMP_LINE}
            COMP_WORDS=({{words}}); COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
            _hubctl_complete
            printf '%s\n' "${COMPREPLY[@]}"
            """;
        var info = new ProcessStartInfo("bash", ["-c", script]) { RedirectStandardOutput = true };
        using var bash = Process.Start(info)!;
        var output = await bash.StandardOutput.ReadToEndAsync();
        await bash.WaitForExitAsync();

        Assert.Equal(expected.Split('\n'), output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Order());
    }

    [Fact]
    public async Task After_a_command_the_completions_list_its_subcommands_and_options()
    {
        var run = await HubCtlRun.RunAsync("[suggest:10]", "decisions ");

        var candidates = run.Output.Split('\n', StringSplitOptions.TrimEntries);
        Assert.Contains("explain", candidates);
        Assert.Contains("list", candidates);
        Assert.Contains("--output", candidates);
        Assert.DoesNotContain("keys", candidates);
    }
}
