using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using IntegrationHub.Contracts.Routing.V1;

namespace IntegrationHub.Testing;

/// <summary>
/// The hub as an operating-system process (the server assembly this test project built, run
/// with `dotnet`), on its own loopback ports, so a test can kill it with SIGKILL or run two.
/// </summary>
public sealed class HubProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();
    private int _errorLines;

    private HubProcess(Process process, Uri grpc, Uri http)
    {
        _process = process;
        GrpcAddress = grpc;
        HttpAddress = http;
        Channel = GrpcChannel.ForAddress(
            grpc,
            new GrpcChannelOptions { HttpHandler = HubCredentials.Handler(new SocketsHttpHandler()) }
        );
    }

    public Uri GrpcAddress { get; }

    public Uri HttpAddress { get; }

    /// <summary>A channel that sends the test key with every call.</summary>
    public GrpcChannel Channel { get; }

    public int Id => _process.Id;

    /// <summary>How many error lines ("fail:", the console logger's Error level) the hub has printed.</summary>
    public int ErrorLines => Volatile.Read(ref _errorLines);

    /// <summary>The last lines the hub printed, for a failure message.</summary>
    public string Output => string.Join('\n', _output.TakeLast(60));

    /// <summary>
    /// Starts a hub with the settings (as configuration keys) and the test key of
    /// <see cref="HubCredentials"/>, and waits until it serves health checks.
    /// </summary>
    /// <param name="environment">Variables for the hub's process on top of this one's (runtime settings such as
    /// DOTNET_gcServer).</param>
    public static Task<HubProcess> StartAsync(
        IReadOnlyDictionary<string, string?> settings,
        IReadOnlyDictionary<string, string>? environment = null
    ) => StartAsync((grpc, http) => StartInfo(settings, grpc, http, environment));

    /// <summary>
    /// Starts the hub process <paramref name="startInfo"/> describes for a gRPC and an HTTP address on free loopback
    /// ports (it must make the hub listen on them, and send its output here), and waits until it serves health checks.
    /// For a hub started another way than from this project's output, such as a published folder.
    /// </summary>
    public static async Task<HubProcess> StartAsync(Func<Uri, Uri, ProcessStartInfo> startInfo)
    {
        // A port the system handed out can be taken by another process before the hub binds it:
        // then the hub refuses to start naming it, and it is tried again on fresh ports.
        for (var attempt = 1; ; attempt++)
        {
            var grpc = new Uri($"http://127.0.0.1:{FreePort()}");
            var http = new Uri($"http://127.0.0.1:{FreePort()}");
            var hub = new HubProcess(Process.Start(startInfo(grpc, http))!, grpc, http);
            hub._process.OutputDataReceived += (_, e) => hub.Keep(e.Data);
            hub._process.ErrorDataReceived += (_, e) => hub.Keep(e.Data);
            hub._process.BeginOutputReadLine();
            hub._process.BeginErrorReadLine();
            try
            {
                // Generous: a hub process starting beside a busy build on two cores has taken over a minute.
                await hub.WaitServingAsync(TimeSpan.FromSeconds(120));
                return hub;
            }
            catch (InvalidOperationException)
                when (attempt < 3 && hub.Output.Contains("address already in use", StringComparison.Ordinal))
            {
                await hub.DisposeAsync();
            }
            catch
            {
                // A hub that never served is stopped here: the caller gets no handle to stop it, and a test class
                // whose set-up failed is not disposed, so it would outlive the test run.
                await hub.DisposeAsync();
                throw;
            }
        }
    }

    /// <summary>
    /// Starts a hub that is expected to refuse to start; returns its exit code and what it wrote to standard error and
    /// output.
    /// </summary>
    public static async Task<(int ExitCode, string Error, string Output)> RefusalAsync(
        IReadOnlyDictionary<string, string?> settings
    )
    {
        var grpc = new Uri($"http://127.0.0.1:{FreePort()}");
        using var process = Process.Start(StartInfo(settings, grpc, new Uri($"http://127.0.0.1:{FreePort()}"), null))!;
        var error = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEndAsync();
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"The hub did not refuse to start within a minute:\n{await output}");
        }

        return (process.ExitCode, await error, await output);
    }

    private static ProcessStartInfo StartInfo(
        IReadOnlyDictionary<string, string?> settings,
        Uri grpc,
        Uri http,
        IReadOnlyDictionary<string, string>? environment
    )
    {
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            ArgumentList =
            {
                Path.Combine(AppContext.BaseDirectory, "IntegrationHub.Host.dll"),
                $"--Kestrel:Endpoints:Grpc:Url={grpc}",
                $"--Kestrel:Endpoints:Http:Url={http}",
                "--Logging:LogLevel:Default=Warning",
            },
        };
        // Each hub its own database unless the test names one (to restart on it, or to share PostgreSQL).
        var storage =
            settings.ContainsKey("Storage:Sqlite:Path") || settings.ContainsKey("Storage:Provider")
                ? []
                : new Dictionary<string, string?>
                {
                    ["Storage:Sqlite:Path"] = Path.Combine(Path.GetTempPath(), $"hub-process-{Guid.NewGuid():N}.db"),
                };
        // Sandbox demo hours off unless the test sets them: tests are written for the policy's real working hours.
        var hours = settings.ContainsKey("Sandbox:DemoHours")
            ? []
            : new Dictionary<string, string?> { ["Sandbox:DemoHours"] = "false" };
        foreach (var (key, value) in HubCredentials.Settings().Concat(storage).Concat(hours).Concat(settings))
        {
            info.ArgumentList.Add($"--{key}={value}");
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string>())
        {
            info.Environment[name] = value;
        }

        return info;
    }

    /// <summary>Routes a visitor on an English page of the marketing site, with the test key.</summary>
    public async Task<Decision> RouteVisitorAsync(string ip, string? requestId = null) =>
        (
            await new RoutingService.RoutingServiceClient(Channel).RouteVisitorAsync(
                new RouteVisitorRequest
                {
                    RequestId = requestId ?? Guid.NewGuid().ToString("N"),
                    IpAddress = ip,
                    PageUrl = "https://www.example.com/pricing",
                }
            )
        ).Decision;

    /// <summary>SIGKILL: no shutdown hooks, no grace period, leases left behind.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            await KillAsync();
        }

        Channel.Dispose();
        _process.Dispose();
    }

    private async Task WaitServingAsync(TimeSpan limit)
    {
        var health = new Grpc.Health.V1.Health.HealthClient(Channel);
        var watch = Stopwatch.StartNew();
        while (true)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException(
                    $"The hub exited with code {_process.ExitCode} while starting:\n{Output}"
                );
            }

            try
            {
                var reply = await health.CheckAsync(
                    new HealthCheckRequest(),
                    deadline: CallDeadline.In(TimeSpan.FromSeconds(2))
                );
                if (reply.Status == HealthCheckResponse.Types.ServingStatus.Serving)
                {
                    return;
                }
            }
            catch (RpcException) when (watch.Elapsed < limit) { }

            if (watch.Elapsed > limit)
            {
                throw new TimeoutException($"The hub did not serve within {limit}:\n{Output}");
            }

            await Task.Delay(200);
        }
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        if (line.StartsWith("fail:", StringComparison.Ordinal) || line.StartsWith("crit:", StringComparison.Ordinal))
        {
            Interlocked.Increment(ref _errorLines);
        }

        _output.Enqueue(line);
        while (_output.Count > 200 && _output.TryDequeue(out _)) { }
    }

    /// <summary>
    /// A port the operating system just handed out on loopback, for an extra endpoint a test configures.
    /// </summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
