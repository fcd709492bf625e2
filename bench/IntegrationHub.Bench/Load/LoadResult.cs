namespace IntegrationHub.Bench.Load;

/// <summary>
/// What a load run measured: answered calls with their latencies (ms), failed calls, and the wall time.
/// </summary>
public sealed class LoadResult(IReadOnlyList<double> latencies, int errors, TimeSpan elapsed)
{
    private readonly double[] _sorted = [.. latencies.Order()];

    public int Answered => _sorted.Length;

    public int Errors { get; } = errors;

    public double PerSecond => Answered / elapsed.TotalSeconds;

    /// <summary>The latency at percentile <paramref name="p"/> (0–100), nearest rank.</summary>
    public double Percentile(double p) =>
        _sorted.Length == 0
            ? double.NaN
            : _sorted[Math.Clamp((int)Math.Ceiling(p / 100 * _sorted.Length) - 1, 0, _sorted.Length - 1)];
}
