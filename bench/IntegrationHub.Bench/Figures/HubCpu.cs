namespace IntegrationHub.Bench.Figures;

/// <summary>
/// CPU time the hub processes spent, from /proc (Linux): beside a throughput figure it says whether a request got
/// cheaper or only waited less.
/// </summary>
public static class HubCpu
{
    private static readonly double TicksPerSecond = 100; // USER_HZ, the unit of utime and stime on Linux

    /// <summary>User plus system CPU seconds of the processes so far.</summary>
    public static double Seconds(IEnumerable<int> processIds) =>
        processIds.Sum(id =>
        {
            // Fields 14 and 15 (utime, stime) counted after the command name, which may contain spaces.
            var stat = File.ReadAllText($"/proc/{id}/stat");
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return (
                    long.Parse(fields[11], System.Globalization.CultureInfo.InvariantCulture)
                    + long.Parse(fields[12], System.Globalization.CultureInfo.InvariantCulture)
                ) / TicksPerSecond;
        });
}
