using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace IntegrationHub.Testing.Postgres;

/// <summary>
/// One private PostgreSQL cluster per test run: initdb into a temporary folder (as the
/// postgres user when running as root, since initdb refuses root), started on a free
/// loopback port with fsync off, stopped and deleted when the process exits. Each caller
/// gets its own fresh database. Set INTEGRATIONHUB_TEST_POSTGRES to a connection string to
/// use an existing server instead.
/// </summary>
public sealed class PostgresCluster
{
    private static readonly Lazy<PostgresCluster> Instance = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);
    private static int _databases;
    private readonly string _adminConnectionString;

    private PostgresCluster(string adminConnectionString) => _adminConnectionString = adminConnectionString;

    public static PostgresCluster Shared => Instance.Value;

    /// <summary>A new, empty database; returns its connection string.</summary>
    public string CreateDatabase(string prefix = "hub")
    {
        var name = $"{prefix}_{Environment.ProcessId}_{Interlocked.Increment(ref _databases)}".ToLowerInvariant();
        using var connection = new NpgsqlConnection(_adminConnectionString);
        connection.Open();
        using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        command.ExecuteNonQuery();
        return new NpgsqlConnectionStringBuilder(_adminConnectionString)
        {
            Database = name,
            Pooling = true,
            MaxPoolSize = 40,
        }.ToString();
    }

    private static PostgresCluster Start()
    {
        if (Environment.GetEnvironmentVariable("INTEGRATIONHUB_TEST_POSTGRES") is { Length: > 0 } existing)
        {
            return new PostgresCluster(existing);
        }

        var bin = Directory.Exists("/usr/lib/postgresql")
            ? Directory
                .GetDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb")))
                .OrderDescending()
                .FirstOrDefault()
            : null;
        if (bin is null)
        {
            throw new InvalidOperationException(
                "These tests need PostgreSQL server binaries (initdb, pg_ctl) under "
                    + "/usr/lib/postgresql/<version>/bin: install the 'postgresql' package, "
                    + "or set INTEGRATIONHUB_TEST_POSTGRES to a connection string of a server the tests may create "
                    + "databases on."
            );
        }

        RemoveLeftovers();
        var root = Environment.UserName == "root";
        var dataDir = Path.Combine(Path.GetTempPath(), $"hub-pg-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dataDir);
        if (root)
        {
            Run("chown", $"postgres:postgres {dataDir}", asPostgres: false);
        }

        Run(Path.Combine(bin, "initdb"), $"-D {dataDir} -A trust -U postgres --no-sync -E UTF8", root);
        var port = FreePort();
        Run(
            Path.Combine(bin, "pg_ctl"),
            $"-D {dataDir} -l {dataDir}/server.log -w -t 60 -o \"-p {port} -k {dataDir} -c "
                + $"listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200\" start",
            root
        );
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try
            {
                Run(Path.Combine(bin, "pg_ctl"), $"-D {dataDir} -m immediate -w stop", root);
            }
            finally
            {
                Directory.Delete(dataDir, recursive: true);
            }
        };
        return new PostgresCluster($"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Pooling=false");
    }

    /// <summary>
    /// Clusters of earlier runs whose process is gone (a test host killed before its exit handler finished).
    /// </summary>
    private static void RemoveLeftovers()
    {
        foreach (var dir in Directory.GetDirectories(Path.GetTempPath(), "hub-pg-*"))
        {
            var parts = Path.GetFileName(dir).Split('-');
            if (
                parts.Length > 2
                && int.TryParse(parts[2], out var pid)
                && !IsRunning(pid)
                && !File.Exists(Path.Combine(dir, "postmaster.pid"))
            )
            {
                try
                {
                    Directory.Delete(dir, recursive: true);
                }
                catch (IOException) { }
            }
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
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

    private static void Run(string file, string arguments, bool asPostgres)
    {
        var info = asPostgres
            ? new ProcessStartInfo("runuser", $"-u postgres -- {file} {arguments}")
            : new ProcessStartInfo(file, arguments);
        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromSeconds(90)))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"{file} did not finish in 90 s");
        }

        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException(
                $"{file} {arguments} failed ({process.ExitCode}): {error.Result}{output.Result}"
            );
        }
    }
}
