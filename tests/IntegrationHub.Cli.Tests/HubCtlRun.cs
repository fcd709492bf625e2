using IntegrationHub.Testing;
using Spectre.Console;

namespace IntegrationHub.Cli.Tests;

/// <summary>
/// One hubctl invocation as an operator sees it: the exit code and every line printed (colour off, wide enough not to
/// wrap).
/// </summary>
public sealed record HubCtlRun(int ExitCode, string Output)
{
    public static Task<HubCtlRun> RunAsync(params string[] args) => RunAsync(240, args);

    /// <summary>
    /// hubctl piped into another program against <paramref name="hub"/>: the console knows no terminal width, and
    /// Spectre assumes 80 columns, the width that used to wrap every cell.
    /// </summary>
    public static Task<HubCtlRun> PipedAsync(HubProcess hub, params string[] args) =>
        RunAsync(80, [.. args, "--hub", hub.GrpcAddress.ToString(), "--api-key", HubCredentials.Key]);

    private static async Task<HubCtlRun> RunAsync(int width, string[] args)
    {
        var output = new StringWriter();
        var console = AnsiConsole.Create(
            new AnsiConsoleSettings
            {
                Ansi = AnsiSupport.No,
                ColorSystem = ColorSystemSupport.NoColors,
                Interactive = InteractionSupport.No,
                Out = new AnsiConsoleOutput(output),
            }
        );
        console.Profile.Width = width;
        var code = await HubCtl.RunAsync(args, console);
        return new HubCtlRun(code, output.ToString());
    }

    /// <summary>hubctl against <paramref name="hub"/> with the tests' key (or <paramref name="key"/>).</summary>
    public static Task<HubCtlRun> AgainstAsync(HubProcess hub, string[] args, string key = HubCredentials.Key) =>
        RunAsync([.. args, "--hub", hub.GrpcAddress.ToString(), "--api-key", key]);

    /// <summary>The cells of the table rows that mention <paramref name="text"/>.</summary>
    public IReadOnlyList<string[]> Rows(string text) =>
        [
            .. Output
                .Split('\n')
                .Where(l => l.Contains('│') && l.Contains(text, StringComparison.Ordinal))
                .Select(l => l.Split('│', StringSplitOptions.TrimEntries)[1..^1]),
        ];

    public override string ToString() => $"exit {ExitCode}:\n{Output}";
}
