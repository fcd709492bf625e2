using System.Diagnostics;

namespace IntegrationHub.Bench.Load;

/// <summary>
/// A closed-loop load generator: a fixed number of callers, each sending its next request as
/// soon as the last one answered, for a fixed time. Latencies are kept per caller and merged.
/// </summary>
public static class ClosedLoop
{
    public static async Task<LoadResult> RunAsync(
        int callers,
        TimeSpan duration,
        Func<int, CancellationToken, Task> call
    )
    {
        using var stop = new CancellationTokenSource(duration);
        var watch = Stopwatch.StartNew();
        var perCaller = await Task.WhenAll(
            Enumerable
                .Range(0, callers)
                .Select(c =>
                    Task.Run(async () =>
                    {
                        var latencies = new List<double>();
                        var errors = 0;
                        for (var i = 0; !stop.IsCancellationRequested; i++)
                        {
                            var started = Stopwatch.GetTimestamp();
                            try
                            {
                                await call((c * 1_000_000) + i, CancellationToken.None);
                                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                            }
                            catch (Exception ex) when (ex is Grpc.Core.RpcException or HttpRequestException)
                            {
                                errors++;
                            }
                        }

                        return (latencies, errors);
                    })
                )
        );
        return new LoadResult([.. perCaller.SelectMany(p => p.latencies)], perCaller.Sum(p => p.errors), watch.Elapsed);
    }

    /// <summary>Sends <paramref name="count"/> requests, at most <paramref name="callers"/> at a time.</summary>
    public static async Task<LoadResult> BurstAsync(int count, int callers, Func<int, CancellationToken, Task> call)
    {
        var latencies = new System.Collections.Concurrent.ConcurrentBag<double>();
        var errors = 0;
        var watch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(
            Enumerable.Range(0, count),
            new ParallelOptions { MaxDegreeOfParallelism = callers },
            async (i, ct) =>
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    await call(i, ct);
                    latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                }
                catch (Exception ex) when (ex is Grpc.Core.RpcException or HttpRequestException)
                {
                    Interlocked.Increment(ref errors);
                }
            }
        );
        return new LoadResult([.. latencies], errors, watch.Elapsed);
    }
}
