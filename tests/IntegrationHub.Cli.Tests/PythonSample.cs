using System.Collections.Concurrent;
using System.Diagnostics;

namespace IntegrationHub.Cli.Tests;

/// <summary>
/// The Python remote connector of samples/python-enrichment as a process, on a port it picks itself, run by
/// Debian's python3 (which has python3-grpcio and python3-grpc-tools; a python3 earlier on PATH may not).
/// </summary>
public sealed class PythonSample : IAsyncDisposable
{
    public const string Python = "/usr/bin/python3";

    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private PythonSample(Process process) => _process = process;

    /// <summary>Why the sample cannot run here, or null when Debian's python3 has gRPC and grpc_tools.</summary>
    public static readonly string? Missing = FindMissing();

    public Uri Address { get; private set; } = null!;

    /// <summary>Everything the sample printed so far.</summary>
    public string Output => string.Join('\n', _output);

    public static async Task<PythonSample> StartAsync(params string[] arguments)
    {
        var info = new ProcessStartInfo(Python)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            ArgumentList = { Path.Combine(Folder(), "connector.py"), "--port", "0" },
        };
        foreach (var argument in arguments)
        {
            info.ArgumentList.Add(argument);
        }

        var sample = new PythonSample(Process.Start(info)!);
        var listening = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        void Keep(string? line)
        {
            if (line is null)
            {
                return;
            }

            sample._output.Enqueue(line);
            if (line.Contains(" listening on ", StringComparison.Ordinal))
            {
                listening.TrySetResult(line[(line.LastIndexOf(' ') + 1)..]);
            }
        }

        sample._process.OutputDataReceived += (_, e) => Keep(e.Data);
        sample._process.ErrorDataReceived += (_, e) => Keep(e.Data);
        sample._process.BeginOutputReadLine();
        sample._process.BeginErrorReadLine();
        try
        {
            sample.Address = new Uri("http://" + await listening.Task.WaitAsync(TimeSpan.FromSeconds(60)));
            return sample;
        }
        catch (TimeoutException)
        {
            await sample.DisposeAsync();
            throw new InvalidOperationException($"The Python sample did not start:\n{sample.Output}");
        }
    }

    /// <summary>The sample's folder, found from the test's output folder up to the repository.</summary>
    public static string Folder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var sample = Path.Combine(dir.FullName, "samples", "python-enrichment");
            if (File.Exists(Path.Combine(sample, "connector.py")))
            {
                return sample;
            }
        }

        throw new DirectoryNotFoundException("samples/python-enrichment is not above " + AppContext.BaseDirectory);
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static string? FindMissing()
    {
        try
        {
            using var probe = Process.Start(
                new ProcessStartInfo(Python, ["-c", "import grpc, grpc_tools"]) { RedirectStandardError = true }
            )!;
            probe.WaitForExit();
            return probe.ExitCode == 0
                ? null
                : "Debian's python3-grpcio and python3-grpc-tools are not installed "
                    + "(apt-get install python3-grpcio python3-grpc-tools; test.sh installs them)";
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return $"{Python} is not installed (apt-get install python3-grpcio python3-grpc-tools; test.sh does)";
        }
    }
}

/// <summary>A test that needs the Python sample: skipped, saying what to install, without Debian's gRPC.</summary>
public sealed class PythonSampleFactAttribute : FactAttribute
{
    public PythonSampleFactAttribute()
    {
        if (PythonSample.Missing is { } missing)
        {
            Skip = missing;
        }
    }
}
