using System.Diagnostics;

namespace IntegrationHub.Testing;

/// <summary>A command run to its end within a bound, its output kept; killed with its children when it overruns.</summary>
public static class ProcessRun
{
    /// <summary>
    /// Runs <paramref name="info"/> (its output redirected here) and returns its exit code and output; a
    /// <see cref="TimeoutException"/> saying "<paramref name="what"/> did not finish within …" when it overruns.
    /// </summary>
    public static async Task<(int ExitCode, string Error, string Output)> ToEndAsync(
        ProcessStartInfo info,
        TimeSpan limit,
        string what
    )
    {
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        using var process = Process.Start(info)!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEndAsync();
        using var bound = new CancellationTokenSource(limit);
        try
        {
            await process.WaitForExitAsync(bound.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{what} did not finish within {limit}:\n{await output}");
        }

        return (process.ExitCode, await error, await output);
    }
}
