using System.Diagnostics;
using IntegrationHub.Storage.Outbox;
using Xunit.Abstractions;

namespace IntegrationHub.Storage.Tests;

/// <summary>
/// The outbox under real faults, with real processes: a dispatcher killed with SIGKILL in the
/// middle of a burst, and a vendor that is down for a stretch. Each test prints what it measured.
/// </summary>
public sealed class OutboxFaultTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Effects = 200;
    private StorageWorld _world = null!;
    private readonly VendorReceiver _vendor = new();

    [Fact]
    public async Task Killing_the_dispatcher_mid_burst_loses_nothing_and_applies_each_effect_once()
    {
        await EnqueueBurstAsync();
        _vendor.Latency = TimeSpan.FromMilliseconds(20);

        using (var first = StartDispatcher())
        {
            await WaitUntil(() => _vendor.RawDeliveries >= Effects / 4, TimeSpan.FromSeconds(60));
            first.Kill(entireProcessTree: true);
            await first.WaitForExitAsync();
        }

        var atKill = _vendor.RawDeliveries;
        using (var second = StartDispatcher())
        {
            await WaitUntil(() => _vendor.DistinctKeys == Effects && PendingCount() == 0, TimeSpan.FromSeconds(90));
            second.Kill(entireProcessTree: true);
            await second.WaitForExitAsync();
        }

        Report("kill -9 mid-burst", $"killed after {atKill} raw deliveries", PendingCount());
        Assert.Equal(Effects, _vendor.DistinctKeys);
        Assert.Equal(0, PendingCount());
        Assert.True(
            _vendor.Duplicates <= 20,
            $"{_vendor.Duplicates} redeliveries: only effects in flight at the kill may be repeated"
        );
    }

    [Fact]
    public async Task A_vendor_down_for_a_stretch_gets_every_effect_once_after_it_comes_back()
    {
        await EnqueueBurstAsync();
        _vendor.Down = true;
        var down = Stopwatch.StartNew();
        using var dispatcher = StartDispatcher();
        // Down until every effect has been tried and refused, so each one that lands afterwards is
        // a retry; the dispatcher's start and pace on a loaded machine only make that take longer.
        await WaitUntil(() => _vendor.RefusedKeys == Effects, TimeSpan.FromSeconds(60));
        var deliveredWhileDown = _vendor.RawDeliveries;
        _vendor.Down = false;
        var downFor = down.Elapsed;

        await WaitUntil(() => _vendor.DistinctKeys == Effects && PendingCount() == 0, TimeSpan.FromSeconds(90));
        dispatcher.Kill(entireProcessTree: true);
        await dispatcher.WaitForExitAsync();

        var dead = await new OutboxStore(_world.Database, _world.Time).ListAsync(
            EffectState.Dead,
            1000,
            CancellationToken.None
        );
        Report(
            $"vendor down {downFor.TotalSeconds:F1} s",
            $"{deliveredWhileDown} delivered while down, every effect refused at least once",
            0
        );
        Assert.Equal(0, deliveredWhileDown);
        Assert.Empty(dead);
        Assert.Equal(Effects, _vendor.DistinctKeys);
        Assert.Equal(0, _vendor.Duplicates);
    }

    private int PendingCount() =>
        new OutboxStore(_world.Database, _world.Time)
            .ListAsync(EffectState.Pending, 1000, CancellationToken.None)
            .GetAwaiter()
            .GetResult()
            .Count;

    private async Task EnqueueBurstAsync() =>
        await new OutboxStore(_world.Database, TimeProvider.System).EnqueueAsync(
            [
                .. Enumerable
                    .Range(0, Effects)
                    .Select(i => new NewEffect("vendor.call", $"lead-{i}/upsert", $"{{\"lead\":{i}}}")),
            ],
            CancellationToken.None
        );

    private Process StartDispatcher()
    {
        var host = FaultHostPath();
        var info = new ProcessStartInfo("dotnet")
        {
            ArgumentList =
            {
                host,
                _vendor.Url.ToString(),
                "--Storage:Provider=Sqlite",
                $"--Storage:Sqlite:Path={_world.SqlitePath}",
                "--Storage:Outbox:Lease=00:00:02",
                "--Storage:Outbox:PollInterval=00:00:00.050",
                "--Storage:Outbox:BaseBackoff=00:00:00.200",
                "--Storage:Outbox:MaxBackoff=00:00:01",
                "--Storage:Outbox:MaxAttempts=100",
                "--Storage:Outbox:BatchSize=10",
                "--Logging:LogLevel:Default=Warning",
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private static string FaultHostPath()
    {
        var testBin = new DirectoryInfo(AppContext.BaseDirectory);
        var path = Path.Combine(
            testBin.Parent!.Parent!.Parent!.Parent!.FullName,
            "IntegrationHub.Storage.FaultHost",
            "bin",
            testBin.Parent.Name,
            testBin.Name,
            "IntegrationHub.Storage.FaultHost.dll"
        );
        return File.Exists(path)
            ? path
            : throw new InvalidOperationException($"The fault host was not built at {path}.");
    }

    private static async Task WaitUntil(Func<bool> condition, TimeSpan limit)
    {
        var watch = Stopwatch.StartNew();
        while (!condition())
        {
            if (watch.Elapsed > limit)
            {
                throw new TimeoutException($"condition not met within {limit}");
            }

            await Task.Delay(50);
        }
    }

    private void Report(string fault, string detail, int stillPending)
    {
        var line =
            $"[fault] {fault}: effects expected {Effects}, delivered {_vendor.DistinctKeys}, raw deliveries "
            + $"{_vendor.RawDeliveries}, "
            + $"duplicated {_vendor.Duplicates}, lost {Effects - _vendor.DistinctKeys}, still pending {stillPending} "
            + $"({detail})";
        output.WriteLine(line);
        Console.WriteLine(line);
    }

    public async Task InitializeAsync() => _world = await StorageWorld.CreateAsync(StorageProvider.Sqlite);

    public Task DisposeAsync()
    {
        _vendor.Dispose();
        return Task.CompletedTask;
    }
}
