using System.Diagnostics;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using IntegrationHub.Contracts.Routing.V1;
using IntegrationHub.Sdk.Sandbox;
using IntegrationHub.Server.Tests.Routing;
using IntegrationHub.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;
using ServiceDescriptor = Google.Protobuf.Reflection.ServiceDescriptor;

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
        _hub = new SandboxHub(
            new()
            {
                ["Storage:Sqlite:Path"] = _database,
                ["Limits:RequestsPerSecond"] = "1000000",
                ["Limits:Burst"] = "1000000",
            }
        );
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
            if (
                code is StatusCode.Internal or StatusCode.Unknown
                || (code == StatusCode.OK && BadRequests.CanPoison(method.InputType))
            )
            {
                internals.Add($"{method.FullName} ({kind}): {code}");
            }
        }

        var rowsAfter = RowCounts();
        var vendorCallsAfter = _hub!.VendorRequests();
        var health = await new Grpc.Health.V1.Health.HealthClient(_hub.Channel).CheckAsync(
            new Grpc.Health.V1.HealthCheckRequest()
        );
        var stillRoutes = (await _hub.RouteAsync("203.0.113.5")).Target.Kind;
        var line =
            $"[fuzz] seed {seed}: {count} bad requests over {methods.Count} RPCs in {watch.Elapsed.TotalSeconds:F1} "
            + $"s; statuses "
            + string.Join(", ", statuses.OrderByDescending(p => p.Value).Select(p => $"{p.Key} {p.Value}"))
            + $"; rows written {rowsAfter.Sum() - rowsBefore.Sum()}; vendor calls "
            + $"{vendorCallsAfter - vendorCallsBefore}; hub {health.Status} and still routing";
        output.WriteLine(line);
        Console.WriteLine(line);

        Assert.True(internals.Count == 0, "Not refused as bad input:\n" + string.Join("\n", internals.Distinct()));
        Assert.Equal(rowsBefore, rowsAfter);
        Assert.Equal(vendorCallsBefore, vendorCallsAfter);
        Assert.Equal(Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus.Serving, health.Status);
        Assert.NotEqual(TargetKind.Unspecified, stillRoutes);
    }

    /// <summary>
    /// Raw gRPC framing that no client library sends, on every RPC of the hub and on the health
    /// service, against the hub as a process: each answered with the status the gRPC status-code
    /// spec gives (the table in the README), never UNKNOWN, and no error logged by the hub.
    /// </summary>
    [Fact]
    public async Task Malformed_grpc_framing_gets_the_status_the_grpc_spec_gives_and_never_unknown()
    {
        await using var hub = await HubProcess.StartAsync(
            new Dictionary<string, string?> { ["Limits:RequestsPerSecond"] = "1000000", ["Limits:Burst"] = "1000000" }
        );
        using var raw = RawGrpc.ForProcess(hub.GrpcAddress);
        var paths = HubMethods()
            .Select(p => $"/{p.Service.FullName}/{p.Method.Name}")
            .Concat(["/grpc.health.v1.Health/Check", "/grpc.health.v1.Health/Watch"])
            .ToList();
        var outcomes = new List<string>();
        var unknowns = 0;
        var errorLinesBefore = hub.ErrorLines;

        foreach (var path in paths)
        {
            foreach (var (input, encoding, body, expected) in FramingFaults())
            {
                // An answer is due at once: a call left open (a watch that took the body as valid) fails here instead
                // of hanging.
                using var due = new CancellationTokenSource(TimeSpan.FromSeconds(15));
                var (code, message) = await raw.CallAsync(path, body, encoding, due.Token);
                unknowns += code == StatusCode.Unknown ? 1 : 0;
                if (code != expected)
                {
                    outcomes.Add($"{path} {input}: {code} ({message}), expected {expected}");
                }
            }
        }

        output.WriteLine(
            $"[framing] {paths.Count} RPCs x {FramingFaults().Count()} malformed bodies: {unknowns} UNKNOWN, "
                + $"{outcomes.Count} other than the table, {hub.ErrorLines - errorLinesBefore} error lines logged"
        );
        Assert.Equal(0, unknowns);
        Assert.True(outcomes.Count == 0, string.Join("\n", outcomes));
        Assert.True(hub.ErrorLines == errorLinesBefore, hub.Output);
        var health = await new Grpc.Health.V1.Health.HealthClient(hub.Channel).CheckAsync(
            new Grpc.Health.V1.HealthCheckRequest()
        );
        Assert.Equal(Grpc.Health.V1.HealthCheckResponse.Types.ServingStatus.Serving, health.Status);
    }

    /// <summary>
    /// The README's framing table: what is sent, with which grpc-encoding, and the status it must get.
    /// </summary>
    private static IEnumerable<(string Input, string? Encoding, byte[] Body, StatusCode Expected)> FramingFaults()
    {
        var undecodable = new byte[] { 0x0F, 0xFF, 0x01, 0x02 };
        yield return ("compressed flag without grpc-encoding", null, RawGrpc.Frame([], flag: 1), StatusCode.Internal);
        yield return (
            "declared length longer than the body",
            null,
            RawGrpc.Frame([0x0A, 0x00], declaredLength: 64),
            StatusCode.Internal
        );
        yield return ("body ends inside the 5-byte header", null, [0, 0, 0], StatusCode.Internal);
        yield return (
            "two messages on a one-request call",
            null,
            [.. RawGrpc.Frame([]), .. RawGrpc.Frame([])],
            StatusCode.Unimplemented
        );
        yield return ("empty body", null, [], StatusCode.Unimplemented);
        // A gzip header, then a deflate block of the reserved type 3.
        yield return (
            "gzip garbage",
            "gzip",
            RawGrpc.Frame([0x1F, 0x8B, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00, 0xFF, 0xFF, 0xFF, 0xFF], flag: 1),
            StatusCode.Internal
        );
        yield return (
            "an encoding the hub does not support",
            "snappy",
            RawGrpc.Frame([1, 2, 3], flag: 1),
            StatusCode.Unimplemented
        );
        yield return (
            "gzip that inflates past 1 MB",
            "gzip",
            RawGrpc.Frame(Gzip(new byte[2 * 1024 * 1024]), flag: 1),
            StatusCode.ResourceExhausted
        );
        yield return (
            "length 0xFFFFFFFF",
            null,
            RawGrpc.Frame(undecodable, declaredLength: uint.MaxValue),
            StatusCode.ResourceExhausted
        );
        yield return ("flag byte 2", null, RawGrpc.Frame([], flag: 2), StatusCode.Internal);
        yield return ("undecodable bytes", null, RawGrpc.Frame(undecodable), StatusCode.InvalidArgument);
        yield return (
            "undecodable bytes, gzip",
            "gzip",
            RawGrpc.Frame(Gzip(undecodable), flag: 1),
            StatusCode.InvalidArgument
        );
    }

    private static byte[] Gzip(byte[] data)
    {
        using var output = new MemoryStream();
        using (var gzip = new System.IO.Compression.GZipStream(output, System.IO.Compression.CompressionLevel.Fastest))
        {
            gzip.Write(data);
        }

        return output.ToArray();
    }

    private async Task<StatusCode> CallAsync(ServiceDescriptor service, MethodDescriptor method, byte[] payload)
    {
        var bytes = Marshallers.Create<byte[]>(b => b, b => b);
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        try
        {
            if (method.IsServerStreaming)
            {
                var streaming = new Method<byte[], byte[]>(
                    MethodType.ServerStreaming,
                    service.FullName,
                    method.Name,
                    bytes,
                    bytes
                );
                using var call = _hub!
                    .Channel.CreateCallInvoker()
                    .AsyncServerStreamingCall(
                        streaming,
                        null,
                        new CallOptions(cancellationToken: deadline.Token),
                        payload
                    );
                // A valid watch would stay open: give it a moment, then it counts as answered.
                using var peek = new CancellationTokenSource(TimeSpan.FromMilliseconds(50));
                await call.ResponseStream.MoveNext(peek.Token);
                return StatusCode.OK;
            }

            var unary = new Method<byte[], byte[]>(MethodType.Unary, service.FullName, method.Name, bytes, bytes);
            await _hub!
                .Channel.CreateCallInvoker()
                .AsyncUnaryCall(unary, null, new CallOptions(cancellationToken: deadline.Token), payload);
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
        IntegrationHub
            .Server.Http.ContractDescriptors.Services.SelectMany(s => s.Methods.Select(m => (s, m)))
            .OrderBy(p => p.m.FullName, StringComparer.Ordinal);

    private long[] RowCounts()
    {
        using var connection = new SqliteConnection($"Data Source={_database};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var tables = connection.CreateCommand();
        tables.CommandText =
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> "
            + "'schema_migrations' ORDER BY name";
        var names = new List<string>();
        using (var reader = tables.ExecuteReader())
        {
            while (reader.Read())
            {
                names.Add(reader.GetString(0));
            }
        }

        return
        [
            .. names.Select(name =>
            {
                using var count = connection.CreateCommand();
                count.CommandText = $"SELECT COUNT(*) FROM \"{name}\"";
                return (long)count.ExecuteScalar()!;
            }),
        ];
    }
}
