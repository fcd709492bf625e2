using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Grpc.Core;
using IntegrationHub.Testing;
using Xunit.Abstractions;

namespace IntegrationHub.Server.Tests.Security;

/// <summary>
/// An authenticated caller sending 25 MB bodies, 20 at once, to the hub as a process — gRPC
/// messages whose length prefix declares 25 MB of undecodable bytes, and JSON bodies of 25 MB
/// to a transcoded route: each is refused with RESOURCE_EXHAUSTED without being read, the hub's
/// resident memory grows by less than 100 MB, and within 30 s it is back within 64 MB of where it
/// started (an absolute margin: the collector returns pages to the OS on its own schedule, so a
/// ratio of a ~150 MB process failed on noise; buffering the bodies costs gigabytes). Memory is
/// read from /proc (Linux).
/// </summary>
public sealed class OversizedBodyMemoryTests(ITestOutputHelper output)
{
    private const int Calls = 20;
    private const int BodyBytes = 25 * 1024 * 1024;
    private const long Settled = 64L * 1024 * 1024;

    [Fact]
    public async Task Twenty_concurrent_25_MB_bodies_are_refused_unread_and_the_hubs_memory_stays_bounded()
    {
        await using var hub = await HubProcess.StartAsync(new Dictionary<string, string?>());
        using var raw = RawGrpc.ForProcess(hub.GrpcAddress);
        using var json = new HttpClient(HubCredentials.Handler(new SocketsHttpHandler()))
        {
            BaseAddress = hub.HttpAddress,
            Timeout = TimeSpan.FromSeconds(60),
        };
        // The hub has served this much concurrency once (2 MB bodies, refused the same way): its threads, connections
        // and pools exist, so what follows measures what 25 MB bodies cost, not a first burst's start-up.
        await SpikeAsync(raw, json, 2 * 1024 * 1024);
        var before = ResidentBytes(hub.Id);

        using var sampling = new CancellationTokenSource();
        var peak = SamplePeakAsync(hub.Id, sampling.Token);
        var (grpcAnswers, jsonAnswers) = await SpikeAsync(raw, json, BodyBytes);
        await sampling.CancelAsync();
        var highest = await peak;

        var settle = Stopwatch.StartNew();
        var after = ResidentBytes(hub.Id);
        using (var poll = new PeriodicTimer(TimeSpan.FromMilliseconds(250)))
        {
            while (
                after - before > Settled
                && settle.Elapsed < TimeSpan.FromSeconds(30)
                && await poll.WaitForNextTickAsync()
            )
            {
                after = ResidentBytes(hub.Id);
            }
        }

        output.WriteLine(
            $"[memory] resident before {Mb(before)} MB, peak {Mb(highest)} MB (+{Mb(highest - before)}), after "
                + $"{Mb(after)} MB ({settle.Elapsed.TotalSeconds:F1} s after the spike)"
        );
        Assert.All(grpcAnswers, a => Assert.Equal(StatusCode.ResourceExhausted, a.Code));
        // A refusal, or the hub closing the connection on the body it would not read (below): never an answer to it.
        Assert.All(jsonAnswers, a => Assert.True(a is HttpStatusCode.TooManyRequests or null, $"answered {a}"));
        Assert.InRange(highest - before, long.MinValue, 100L * 1024 * 1024);
        Assert.InRange(after - before, long.MinValue, Settled);
        Assert.Equal(0, hub.ErrorLines);
    }

    private const string ListReps = "/integrationhub.routing.v1.PresenceService/ListReps";

    /// <summary>20 gRPC calls and 20 JSON posts at once, each with a body of <paramref name="bytes"/>.</summary>
    private static async Task<((StatusCode Code, string Message)[] Grpc, HttpStatusCode?[] Json)> SpikeAsync(
        RawGrpc raw,
        HttpClient json,
        int bytes
    )
    {
        var grpcCalls = Task.WhenAll(
            Enumerable.Range(0, Calls).Select(_ => raw.CallAsync(ListReps, new JunkBody(bytes, grpcPrefix: true)))
        );
        var jsonCalls = Task.WhenAll(Enumerable.Range(0, Calls).Select(_ => PostJsonAsync(json, bytes)));
        return (await grpcCalls, await jsonCalls);
    }

    /// <summary>
    /// The hub's answer, or null when it reset the connection while the body was still being sent: HTTP/1.1 sends
    /// the whole body before reading the answer, so after the hub answers 429 and stops reading, a busy machine can
    /// deliver the reset before the client gets to the answer. Either way the body was not read.
    /// </summary>
    private static async Task<HttpStatusCode?> PostJsonAsync(HttpClient json, int bytes)
    {
        try
        {
            // Chunked, no Content-Length: the hub learns the size only by reading.
            using var response = await json.PostAsync(
                "/v1/visitors:route",
                new JunkBody(bytes, grpcPrefix: false) { Headers = { ContentType = new("application/json") } }
            );
            await response.Content.ReadAsByteArrayAsync();
            return response.StatusCode;
        }
        catch (HttpRequestException e) when (e.InnerException is IOException { InnerException: SocketException })
        {
            return null;
        }
    }

    private static async Task<long> SamplePeakAsync(int pid, CancellationToken stop)
    {
        var highest = ResidentBytes(pid);
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(20));
        try
        {
            while (await timer.WaitForNextTickAsync(stop))
            {
                highest = Math.Max(highest, ResidentBytes(pid));
            }
        }
        catch (OperationCanceledException) { }

        return Math.Max(highest, ResidentBytes(pid));
    }

    private static long ResidentBytes(int pid) =>
        long.Parse(
            File.ReadLines($"/proc/{pid}/status")
                .First(l => l.StartsWith("VmRSS:", StringComparison.Ordinal))
                .Split(' ', StringSplitOptions.RemoveEmptyEntries)[1],
            System.Globalization.CultureInfo.InvariantCulture
        ) * 1024;

    private static long Mb(long bytes) => bytes / (1024 * 1024);
}
