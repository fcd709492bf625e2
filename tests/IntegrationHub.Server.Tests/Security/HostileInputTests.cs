using System.Diagnostics;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;
using Grpc.Core;
using IntegrationHub.Contracts.Routing.V1;
using IntegrationHub.Sdk.Sandbox;
using IntegrationHub.Server.Tests.Routing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace IntegrationHub.Server.Tests.Security;

/// <summary>
/// Thousands of generated bad requests across every RPC of the hub — undecodable bytes, huge and
/// empty strings, invalid addresses, URLs and emails, unknown enum values, out-of-range numbers,
/// replayed request ids, oversized messages — against the sandbox hub: no INTERNAL or UNKNOWN
/// status, no row written, no vendor called, and the hub still serving after. A fixed seed and
/// count run in CI; HUB_FUZZ_COUNT and HUB_FUZZ_SEED run more on demand.
/// </summary>
public sealed class HostileInputTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _database = Path.Combine(Path.GetTempPath(), $"hub-fuzz-{Guid.NewGuid():N}.db");
    private SandboxHub? _hub;

    public void Dispose() => _hub?.Dispose();

    [Fact]
    public async Task Ten_thousand_bad_requests_get_clear_errors_write_nothing_and_call_no_vendor()
    {
        var count = int.TryParse(Environment.GetEnvironmentVariable("HUB_FUZZ_COUNT"), out var c) ? c : 10_000;
        var seed = int.TryParse(Environment.GetEnvironmentVariable("HUB_FUZZ_SEED"), out var s) ? s : 20261123;
        _hub = new SandboxHub(new()
        {
            ["Storage:Sqlite:Path"] = _database,
            ["Limits:RequestsPerSecond"] = "1000000",
            ["Limits:Burst"] = "1000000",
        });
        var methods = HubMethods().ToList();
        await new PresenceService.PresenceServiceClient(_hub.Channel).ListRepsAsync(new ListRepsRequest());
        var rowsBefore = RowCounts();
        var vendorCallsBefore = _hub!.VendorRequests();
        var generator = new BadRequests(new Random(seed));
        var statuses = new Dictionary<StatusCode, int>();
        var internals = new List<string>();
        var watch = Stopwatch.StartNew();

        for (var i = 0; i < count; i++)
        {
            var (service, method) = methods[i % methods.Count];
            var (kind, payload) = generator.Next(method.InputType);
            var code = await CallAsync(service, method, payload);
            statuses[code] = statuses.GetValueOrDefault(code) + 1;
            // A request without any string field (an empty query, two timestamps) cannot be made
            // invalid for sure; such reads may answer OK — the row and vendor counts still hold.
            if (code is StatusCode.Internal or StatusCode.Unknown || (code == StatusCode.OK && BadRequests.CanPoison(method.InputType)))
            {
                internals.Add($"{method.FullName} ({kind}): {code}");
            }
        }

        var rowsAfter = RowCounts();
        var vendorCallsAfter = _hub!.VendorRequests();
        var health = await new Grpc.Health.V1.Health.HealthClient(_hub.Channel).CheckAsync(new Grpc.Health.V1.HealthCheckRequest());
        var stillRoutes = (await _hub.RouteAsync("203.0.113.5")).Target.Kind;
        var line = $"[fuzz] seed {seed}: {count} bad requests over {methods.Count} RPCs in {watch.Elapsed.TotalSeconds:F1} s; statuses "
            + string.Join(", ", statuses.OrderByDescending(p => p.Value).Select(p => $"{p.Key} {p.Value}"))
            + $"; rows written {rowsAfter.Sum() - rowsBefore.Sum()}; vendor calls {vendorCallsAfter - vendorCallsBefore}; hub {health.Status} and still routing";
        output.WriteLine(line);
        Console.WriteLine(line);

        Assert.True(internals.Count == 0, "Not refused as bad input:\n" + string.Join("\n", internals.Distinct()));
        Assert.Equal(rowsBefore, rowsAfter);
        Assert.Equal(vendorCallsBefore, vendorCallsAfter);
        Assert.Equal(Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus.Serving, health.Status);
        Assert.NotEqual(TargetKind.Unspecified, stillRoutes);
    }

    private async Task<StatusCode> CallAsync(ServiceDescriptor service, MethodDescriptor method, byte[] payload)
    {
        var bytes = Marshallers.Create<byte[]>(b => b, b => b);
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            if (method.IsServerStreaming)
            {
                var streaming = new Method<byte[], byte[]>(MethodType.ServerStreaming, service.FullName, method.Name, bytes, bytes);
                using var call = _hub!.Channel.CreateCallInvoker().AsyncServerStreamingCall(streaming, null, new CallOptions(cancellationToken: deadline.Token), payload);
                // A valid watch would stay open: give it a moment, then it counts as answered.
                using var peek = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));
                await call.ResponseStream.MoveNext(peek.Token);
                return StatusCode.OK;
            }

            var unary = new Method<byte[], byte[]>(MethodType.Unary, service.FullName, method.Name, bytes, bytes);
            await _hub!.Channel.CreateCallInvoker().AsyncUnaryCall(unary, null, new CallOptions(cancellationToken: deadline.Token), payload);
            return StatusCode.OK;
        }
        catch (RpcException e) when (method.IsServerStreaming && e.StatusCode == StatusCode.Cancelled)
        {
            return StatusCode.Cancelled;
        }
        catch (RpcException e)
        {
            return e.StatusCode;
        }
    }

    private static IEnumerable<(ServiceDescriptor Service, MethodDescriptor Method)> HubMethods() =>
        IntegrationHub.Server.Http.ContractDescriptors.Services.SelectMany(s => s.Methods.Select(m => (s, m))).OrderBy(p => p.m.FullName, StringComparer.Ordinal);

    private long[] RowCounts()
    {
        using var connection = new SqliteConnection($"Data Source={_database};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var tables = connection.CreateCommand();
        tables.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> 'schema_migrations' ORDER BY name";
        var names = new List<string>();
        using (var reader = tables.ExecuteReader())
        {
            while (reader.Read())
            {
                names.Add(reader.GetString(0));
            }
        }

        return [.. names.Select(name =>
        {
            using var count = connection.CreateCommand();
            count.CommandText = $"SELECT COUNT(*) FROM \"{name}\"";
            return (long)count.ExecuteScalar()!;
        })];
    }
}
