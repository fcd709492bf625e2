using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace IntegrationHub.Bench.Micro;

/// <summary>
/// Runs <see cref="RoutingEngineBenchmark"/> in this process with BenchmarkDotNet and reads its summary.
/// </summary>
public static class RoutingEngineRun
{
    public sealed record Result(double MeanMicroseconds, double AllocatedBytes);

    public static Result Run(BenchSettings settings)
    {
        // In process: no project is generated and built. The quick mode runs one dry pass and may be a Debug build.
        var job = (settings.Quick ? Job.Dry : Job.ShortRun).WithToolchain(InProcessEmitToolchain.Instance);
        var config = ManualConfig
            .CreateMinimumViable()
            .AddJob(job)
            .WithOptions(ConfigOptions.DisableOptimizationsValidator);
        var summary = BenchmarkRunner.Run<RoutingEngineBenchmark>(config);
        var report = summary.Reports.Single();
        return new Result(
            report.ResultStatistics is { } stats ? stats.Mean / 1000 : double.NaN,
            report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase) ?? double.NaN
        );
    }
}
