namespace IntegrationHub.Bench;

/// <summary>
/// How much load each figure gets: the quick mode is a smoke check for CI, the full mode takes a few minutes.
/// </summary>
public sealed record BenchSettings(
    bool Quick,
    int Concurrency,
    TimeSpan Phase,
    int BurstVisitors,
    int BurstCompanies,
    int FanOutRequests,
    int Leads,
    TimeSpan Sustained
)
{
    public static BenchSettings Full { get; } =
        new(false, 16, TimeSpan.FromSeconds(10), 400, 20, 200, 200, TimeSpan.FromSeconds(30));

    public static BenchSettings QuickCheck { get; } =
        new(true, 8, TimeSpan.FromSeconds(1), 40, 8, 12, 20, TimeSpan.FromSeconds(2));

    public static BenchSettings FromArgs(string[] args) => args.Contains("--quick") ? QuickCheck : Full;
}
