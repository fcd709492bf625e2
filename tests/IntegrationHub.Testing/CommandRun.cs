using System.Diagnostics;
using System.Text;

namespace IntegrationHub.Testing;

/// <summary>One command a partner types, run as a process: its exit code and everything it printed.</summary>
public sealed record CommandRun(string Command, int ExitCode, string Output)
{
    /// <summary>
    /// Runs <paramref name="file"/> in <paramref name="directory"/> with <paramref name="environment"/> on top of
    /// this process's variables, less the ones the test runner's own build set (they would steer a nested build to
    /// the runner's MSBuild and test host). Killed, with what it printed so far, after <paramref name="limit"/>.
    /// </summary>
    public static async Task<CommandRun> RunAsync(
        string directory,
        IReadOnlyDictionary<string, string> environment,
        TimeSpan limit,
        string file,
        params string[] arguments
    )
    {
        var info = new ProcessStartInfo(file)
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        foreach (var name in info.Environment.Keys.Where(IsRunnerVariable).ToList())
        {
            info.Environment.Remove(name);
        }

        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        var output = new StringBuilder();
        using var process = new Process { StartInfo = info };
        process.OutputDataReceived += (_, e) => Keep(output, e.Data);
        process.ErrorDataReceived += (_, e) => Keep(output, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var command = $"{file} {string.Join(' ', arguments)}";
        using var timeout = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"`{command}` did not finish within {limit}:\n{Printed(output)}");
        }

        // The parameterless wait also waits for the redirected streams to be read to their end.
        await process.WaitForExitAsync(CancellationToken.None);
        return new CommandRun(command, process.ExitCode, Printed(output));
    }

    /// <summary>For an assertion's message.</summary>
    public override string ToString() => $"`{Command}` exited {ExitCode}:\n{Output}";

    private static bool IsRunnerVariable(string name) =>
        name.StartsWith("MSBuild", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("VSTEST", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("TESTINGPLATFORM", StringComparison.OrdinalIgnoreCase)
        || name is "DOTNET_HOST_PATH" or "NUGET_PACKAGES";

    private static void Keep(StringBuilder output, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (output)
        {
            output.AppendLine(line);
        }
    }

    private static string Printed(StringBuilder output)
    {
        lock (output)
        {
            return output.ToString();
        }
    }
}
