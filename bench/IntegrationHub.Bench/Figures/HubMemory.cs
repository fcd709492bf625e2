namespace IntegrationHub.Bench.Figures;

/// <summary>Figure 5 (process side): a hub's resident memory now and at its peak, from /proc (Linux).</summary>
public static class HubMemory
{
    public sealed record Reading(double ResidentMb, double PeakMb);

    public static Reading Read(int processId)
    {
        var status = File.ReadAllLines($"/proc/{processId}/status");
        return new Reading(Field(status, "VmRSS:"), Field(status, "VmHWM:"));
    }

    private static double Field(string[] status, string name) =>
        status.FirstOrDefault(l => l.StartsWith(name, StringComparison.Ordinal)) is { } line
            ? double.Parse(line[name.Length..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture)
                / 1024
            : double.NaN;
}
