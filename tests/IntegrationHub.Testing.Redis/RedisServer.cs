using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace IntegrationHub.Testing.Redis;

/// <summary>
/// A private redis-server (Debian's <c>/usr/bin/redis-server</c>, which test.sh installs) on a free loopback port
/// with no persistence, in a temporary folder: started by a test, killed by it to rehearse an outage, stopped and
/// deleted when disposed or when the test process exits. Set INTEGRATIONHUB_TEST_REDIS_SERVER to another binary.
/// </summary>
public sealed class RedisServer : IAsyncDisposable
{
    private readonly Process _process;
    private readonly string _folder;

    private RedisServer(Process process, string folder, int port)
    {
        _process = process;
        _folder = folder;
        Port = port;
    }

    public int Port { get; }

    /// <summary>What <c>Caching:Redis</c> takes: the server's address.</summary>
    public string Configuration => $"127.0.0.1:{Port}";

    public static async Task<RedisServer> StartAsync()
    {
        var binary = Environment.GetEnvironmentVariable("INTEGRATIONHUB_TEST_REDIS_SERVER") ?? "/usr/bin/redis-server";
        if (!File.Exists(binary))
        {
            throw new InvalidOperationException(
                $"These tests need {binary}: install Debian's 'redis-server' package (test.sh does), or set "
                    + "INTEGRATIONHUB_TEST_REDIS_SERVER to a redis-server binary."
            );
        }

        var folder = Path.Combine(Path.GetTempPath(), $"hub-redis-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        var port = FreePort();
        var info = new ProcessStartInfo(binary)
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            ArgumentList =
            {
                "--port",
                port.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                folder,
                "--daemonize",
                "no",
            },
        };
        var process = Process.Start(info)!;
        var output = new System.Collections.Concurrent.ConcurrentQueue<string>();
        process.OutputDataReceived += (_, e) => output.Enqueue(e.Data ?? "");
        process.ErrorDataReceived += (_, e) => output.Enqueue(e.Data ?? "");
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var server = new RedisServer(process, folder, port);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.Stop();
        var watch = Stopwatch.StartNew();
        while (!await server.AcceptsAsync())
        {
            if (process.HasExited || watch.Elapsed > TimeSpan.FromSeconds(30))
            {
                server.Stop();
                throw new InvalidOperationException(
                    $"redis-server did not start on port {port}:\n{string.Join('\n', output)}"
                );
            }

            await Task.Delay(50);
        }

        return server;
    }

    /// <summary>SIGKILL: the server is gone at once, as in a crash.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        Stop();
    }

    private void Stop()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(5000);
            }

            if (Directory.Exists(_folder))
            {
                Directory.Delete(_folder, recursive: true);
            }
        }
        catch (Exception ex) when (ex is InvalidOperationException or IOException or UnauthorizedAccessException) { }
    }

    /// <summary>Answers PING with PONG over the Redis protocol.</summary>
    private async Task<bool> AcceptsAsync()
    {
        try
        {
            using var client = new TcpClient();
            using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await client.ConnectAsync(IPAddress.Loopback, Port, limit.Token);
            var stream = client.GetStream();
            await stream.WriteAsync("PING\r\n"u8.ToArray(), limit.Token);
            var buffer = new byte[16];
            var read = await stream.ReadAsync(buffer, limit.Token);
            return System.Text.Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
        }
        catch (Exception ex) when (ex is SocketException or IOException or OperationCanceledException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
