using System.Diagnostics;
using System.Net;
using IntegrationHub.Testing;

namespace IntegrationHub.Bench.Figures;

/// <summary>
/// Figure 7: the hub's resident memory around a burst of refused oversized bodies — 20 gRPC calls
/// declaring 25 MB of undecodable bytes and 20 chunked 25 MB JSON posts, all at once — under one
/// garbage-collector setting: at rest, the peak (sampled every 20 ms) and 30 s after.
/// </summary>
public static class BurstMemory
{
    public sealed record Result(string Gc, double BeforeMb, double PeakMb, double AfterMb, int Refused, int Calls);

    public static async Task<Result> MeasureAsync(
        string gc,
        IReadOnlyDictionary<string, string> environment,
        int bodyBytes
    )
    {
        await using var hub = await HubProcess.StartAsync(new Dictionary<string, string?>(), environment);
        using var raw = RawGrpc.ForProcess(hub.GrpcAddress);
        using var json = new HttpClient(HubCredentials.Handler(new SocketsHttpHandler()))
        {
            BaseAddress = hub.HttpAddress,
            Timeout = TimeSpan.FromSeconds(60),
        };
        // One burst of 2 MB bodies first: threads, connections and pools in place.
        await BurstAsync(raw, json, 2 * 1024 * 1024);
        var before = HubMemory.Read(hub.Id).ResidentMb;
        var peak = before;
        var burst = BurstAsync(raw, json, bodyBytes);
        while (!burst.IsCompleted)
        {
            peak = Math.Max(peak, HubMemory.Read(hub.Id).ResidentMb);
            await Task.WhenAny(burst, Task.Delay(20));
        }

        var refused = await burst;
        peak = Math.Max(peak, HubMemory.Read(hub.Id).ResidentMb);
        var settle = Stopwatch.StartNew();
        while (settle.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(250);
        }

        return new Result(gc, before, peak, HubMemory.Read(hub.Id).ResidentMb, refused, 40);
    }

    private static async Task<int> BurstAsync(RawGrpc raw, HttpClient json, int bytes)
    {
        var grpc = Enumerable
            .Range(0, 20)
            .Select(async _ =>
                (
                    await raw.CallAsync(
                        "/integrationhub.routing.v1.PresenceService/ListReps",
                        new JunkBody(bytes, grpcPrefix: true)
                    )
                ).Code == Grpc.Core.StatusCode.ResourceExhausted
            );
        var posts = Enumerable
            .Range(0, 20)
            .Select(async _ =>
            {
                using var response = await json.PostAsync(
                    "/v1/visitors:route",
                    new JunkBody(bytes, grpcPrefix: false) { Headers = { ContentType = new("application/json") } }
                );
                return response.StatusCode == HttpStatusCode.TooManyRequests;
            });
        return (await Task.WhenAll(grpc.Concat(posts))).Count(refused => refused);
    }
}
