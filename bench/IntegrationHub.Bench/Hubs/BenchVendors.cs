using System.Runtime.InteropServices;
using IntegrationHub.Testing;
using IntegrationHub.Testing.Postgres;

namespace IntegrationHub.Bench.Hubs;

/// <summary>How the benchmark sets up the world it measures: fakes, hub settings, the machine's description.</summary>
public static class BenchVendors
{
    /// <summary>The hub is measured, not the fakes' emulated quotas (which would answer 429 under load).</summary>
    public static void LiftRateLimits(ExternalVendors vendors)
    {
        vendors.Enrichment.CallsPerMinute = int.MaxValue;
        vendors.Marketing.CallsPer20Seconds = int.MaxValue;
        vendors.Marketing.MaxConcurrent = int.MaxValue;
        vendors.Sequencer.HourlyLimit = int.MaxValue;
    }

    public static Dictionary<string, string?> HubSettings(ExternalVendors vendors, string policyFile, string? postgres)
    {
        var settings = new Dictionary<string, string?>(vendors.Settings)
        {
            ["Routing:PolicyFile"] = policyFile,
            // The load generator is one caller: its own rate limit would be measured instead of the hub.
            ["Limits:RequestsPerSecond"] = "1000000",
            ["Limits:Burst"] = "1000000",
        };
        if (postgres is null)
        {
            settings["Storage:Sqlite:Path"] = Path.Combine(Path.GetTempPath(), $"hub-bench-{Guid.NewGuid():N}.db");
        }
        else
        {
            settings["Storage:Provider"] = "PostgreSql";
            settings["Storage:PostgreSql:ConnectionString"] = postgres;
        }

        return settings;
    }

    /// <summary>
    /// A factory of fresh databases on a throwaway cluster, or null when PostgreSQL is not installed.
    /// </summary>
    public static Func<string>? PostgresConnectionString()
    {
        try
        {
            var cluster = PostgresCluster.Shared;
            return () => cluster.CreateDatabase("bench");
        }
        catch (Exception ex)
            when (ex is InvalidOperationException or System.ComponentModel.Win32Exception or FileNotFoundException)
        {
            Console.Error.WriteLine($"PostgreSQL unavailable: {ex.Message}");
            return null;
        }
    }

    public static string Machine() =>
        $"{Environment.ProcessorCount} cores, {RuntimeInformation.OSDescription}, "
        + $"{RuntimeInformation.FrameworkDescription}, {TimeProvider.System.GetUtcNow():yyyy-MM-dd HH:mm} UTC";
}
