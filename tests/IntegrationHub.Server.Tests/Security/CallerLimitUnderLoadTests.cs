using System.Diagnostics;
using Grpc.Core;
using IntegrationHub.Contracts.Routing.V1;
using IntegrationHub.Testing;
using Xunit.Abstractions;

namespace IntegrationHub.Server.Tests.Security;

/// <summary>
/// The documented per-caller limit (200 calls/s, burst 400) against the hub as a process on the
/// machine's clock: a thousand calls at once on one key are admitted at most burst + rate × the
/// time they took, and the burst itself is honoured.
/// </summary>
public sealed class CallerLimitUnderLoadTests(ITestOutputHelper output)
{
    private const int Rate = 200;
    private const int Burst = 400;

    [Fact]
    public async Task A_thousand_concurrent_calls_on_one_key_are_admitted_at_most_burst_plus_rate_times_elapsed()
    {
        await using var hub = await HubProcess.StartAsync(
            new Dictionary<string, string?>
            {
                ["Limits:RequestsPerSecond"] = Rate.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Limits:Burst"] = Burst.ToString(System.Globalization.CultureInfo.InvariantCulture),
            }
        );
        var presence = new PresenceService.PresenceServiceClient(hub.Channel);
        // One call first opens the connection, and is counted as admitted.
        await presence.ListRepsAsync(new ListRepsRequest());

        var watch = Stopwatch.StartNew();
        var outcomes = await Task.WhenAll(
            Enumerable
                .Range(0, 1000)
                .Select(async _ =>
                {
                    try
                    {
                        await presence.ListRepsAsync(new ListRepsRequest());
                        return StatusCode.OK;
                    }
                    catch (RpcException e)
                    {
                        return e.StatusCode;
                    }
                })
        );
        var elapsed = watch.Elapsed;

        var admitted = outcomes.Count(o => o == StatusCode.OK) + 1;
        var allowed = (Burst + (Rate * elapsed.TotalSeconds)) * 1.01;
        output.WriteLine(
            $"[limit] {admitted} of 1001 admitted in {elapsed.TotalMilliseconds:F0} ms; at most {allowed:F0} allowed"
        );
        Assert.All(outcomes, o => Assert.Contains(o, new[] { StatusCode.OK, StatusCode.ResourceExhausted }));
        Assert.InRange(admitted, Burst, allowed);
    }
}
