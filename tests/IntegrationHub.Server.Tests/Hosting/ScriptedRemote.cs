using System.Collections.Concurrent;
using Grpc.Core;
using Grpc.Health.V1;
using IntegrationHub.Contracts.Connector.V1;
using IntegrationHub.Contracts.Enrichment.V1;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationHub.Server.Tests.Hosting;

/// <summary>
/// A remote enrichment connector on a real loopback port whose behaviour a test sets — answer, hold the call until
/// it is cancelled, fail UNAVAILABLE a number of times, describe itself or not, report a health status — and which
/// records what it saw: each call's deadline, its cancellation, batch and single calls.
/// </summary>
public sealed class ScriptedRemote : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ScriptedRemote(WebApplication app, Uri address, RemoteScript script)
    {
        _app = app;
        Address = address;
        Script = script;
    }

    public Uri Address { get; }

    public RemoteScript Script { get; }

    public static async Task<ScriptedRemote> StartAsync(RemoteScript? script = null)
    {
        script ??= new RemoteScript();
        var builder = LoopbackGrpcServer.Builder();
        builder.Services.AddGrpc();
        builder.Services.AddSingleton(script);
        var app = builder.Build();
        app.MapGrpcService<ScriptedEnrichment>();
        app.MapGrpcService<ScriptedDescription>();
        app.MapGrpcService<ScriptedHealth>();
        return new ScriptedRemote(app, await LoopbackGrpcServer.StartAsync(app), script);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    /// <summary>What the remote does, and what it saw.</summary>
    public sealed class RemoteScript
    {
        public bool Hold { get; set; }

        public bool Describes { get; set; } = true;

        public bool Serves { get; set; } = true;

        public bool ServesHealth { get; set; } = true;

        private int _failures;
        private int _singleCalls;
        private int _batchCalls;

        public int SingleCalls => Volatile.Read(ref _singleCalls);

        public int BatchCalls => Volatile.Read(ref _batchCalls);

        /// <summary>The next <paramref name="count"/> look-ups answer UNAVAILABLE.</summary>
        public void FailNext(int count) => Volatile.Write(ref _failures, count);

        internal void CountSingle() => Interlocked.Increment(ref _singleCalls);

        internal void CountBatch() => Interlocked.Increment(ref _batchCalls);

        /// <summary>The time left each call had when it arrived (grpc-timeout); null without a deadline.</summary>
        public ConcurrentQueue<TimeSpan?> DeadlinesSeen { get; } = new();

        /// <summary>Completes when a held call has arrived.</summary>
        public TaskCompletionSource Arrived { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        /// <summary>Completes when a held call was cancelled by its caller.</summary>
        public TaskCompletionSource Cancelled { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        internal async Task<CompanyIdentification> AnswerAsync(ServerCallContext context)
        {
            DeadlinesSeen.Enqueue(
                context.Deadline == DateTime.MaxValue
                    ? null
                    : context.Deadline - TimeProvider.System.GetUtcNow().UtcDateTime
            );
            if (Interlocked.Decrement(ref _failures) >= 0)
            {
                throw new RpcException(new Status(StatusCode.Unavailable, "scripted outage"));
            }

            if (Hold)
            {
                Arrived.TrySetResult();
                try
                {
                    await Task.Delay(Timeout.Infinite, context.CancellationToken);
                }
                catch (OperationCanceledException)
                {
                    Cancelled.TrySetResult();
                    throw;
                }
            }

            return new CompanyIdentification
            {
                MatchStatus = MatchStatus.Match,
                Confidence = MatchConfidence.High,
                Company = new Firmographics
                {
                    Name = "Scripted Corp",
                    Domain = "scripted.example",
                    CountryCode = "US",
                },
            };
        }
    }

    private sealed class ScriptedEnrichment(RemoteScript script) : EnrichmentService.EnrichmentServiceBase
    {
        public override async Task<IdentifyCompanyResponse> IdentifyCompany(
            IdentifyCompanyRequest request,
            ServerCallContext context
        )
        {
            script.CountSingle();
            return new IdentifyCompanyResponse { Identification = await script.AnswerAsync(context) };
        }

        public override async Task<BatchIdentifyCompaniesResponse> BatchIdentifyCompanies(
            BatchIdentifyCompaniesRequest request,
            ServerCallContext context
        )
        {
            script.CountBatch();
            var response = new BatchIdentifyCompaniesResponse();
            foreach (var ip in request.IpAddresses)
            {
                response.Results.Add(
                    new BatchIdentificationResult { IpAddress = ip, Identification = await script.AnswerAsync(context) }
                );
            }

            return response;
        }
    }

    private sealed class ScriptedDescription(RemoteScript script) : ConnectorService.ConnectorServiceBase
    {
        public override Task<DescribeResponse> Describe(DescribeRequest request, ServerCallContext context) =>
            script.Describes
                ? Task.FromResult(
                    new DescribeResponse
                    {
                        Name = "Scripted",
                        Version = "2.3.4",
                        Capabilities = { Contracts.Connector.V1.Capability.Enrichment },
                    }
                )
                : base.Describe(request, context);
    }

    private sealed class ScriptedHealth(RemoteScript script) : Grpc.Health.V1.Health.HealthBase
    {
        public override Task<HealthCheckResponse> Check(HealthCheckRequest request, ServerCallContext context) =>
            script.ServesHealth
                ? Task.FromResult(
                    new HealthCheckResponse
                    {
                        Status = script.Serves
                            ? HealthCheckResponse.Types.ServingStatus.Serving
                            : HealthCheckResponse.Types.ServingStatus.NotServing,
                    }
                )
                : base.Check(request, context);
    }
}
