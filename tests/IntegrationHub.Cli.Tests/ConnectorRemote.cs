using Grpc.Core;
using Grpc.Core.Interceptors;
using Grpc.Health.V1;
using IntegrationHub.Connectors.Marketo;
using IntegrationHub.Connectors.Marketo.Fake;
using IntegrationHub.Connectors.Outreach;
using IntegrationHub.Connectors.Outreach.Fake;
using IntegrationHub.Connectors.Salesforce;
using IntegrationHub.Connectors.Salesforce.Fake;
using IntegrationHub.Connectors.Zoom;
using IntegrationHub.Connectors.Zoom.Fake;
using IntegrationHub.Contracts.Connector.V1;
using IntegrationHub.Sdk.Capabilities.Crm;
using IntegrationHub.Sdk.Capabilities.Marketing;
using IntegrationHub.Sdk.Capabilities.Meetings;
using IntegrationHub.Sdk.Capabilities.Sequencing;
using IntegrationHub.Sdk.Connectors;
using IntegrationHub.Sdk.FakeKit;
using IntegrationHub.Sdk.Sandbox;
using IntegrationHub.Server.Capabilities;
using IntegrationHub.Server.Capabilities.Crm;
using IntegrationHub.Server.Capabilities.Marketing;
using IntegrationHub.Server.Capabilities.Meetings;
using IntegrationHub.Server.Capabilities.Sequencing;
using IntegrationHub.Server.Errors;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationHub.Cli.Tests;

/// <summary>
/// A remote connector process for one capability, as a partner would run one: the hub's own connector for it
/// (Salesforce, Outreach, Marketo, Zoom) served over gRPC on a loopback port the system picks, with the hub's
/// validation and error model, <c>Describe</c> and <c>grpc.health.v1</c>, against its WireMock fake seeded with the
/// sandbox's demo world. <see cref="Broken"/> makes it drop the field violations from its INVALID_ARGUMENT answers, a
/// bug a remote written by hand easily has.
/// </summary>
public sealed class ConnectorRemote : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ISandboxVendor _vendor;

    private ConnectorRemote(WebApplication app, ISandboxVendor vendor, Uri address)
    {
        _app = app;
        _vendor = vendor;
        Address = address;
    }

    /// <summary>What a remote may do wrong.</summary>
    public enum Broken
    {
        /// <summary>Nothing: it keeps the contract.</summary>
        Not,

        /// <summary>Bad input is INVALID_ARGUMENT, but with no google.rpc.BadRequest naming the field.</summary>
        FieldViolationsDropped,
    }

    /// <summary>host:port, as <c>hubctl conformance --endpoint</c> takes it.</summary>
    public string Endpoint => Address.Authority;

    public Uri Address { get; }

    public static async Task<ConnectorRemote> StartAsync(Capability capability, Broken broken = Broken.Not)
    {
        var (vendor, connector, serve) = capability switch
        {
            Capability.Crm => Serving<SalesforceConnector, ICrmConnector, CrmGrpcService>(new SalesforceSandbox()),
            Capability.Sequencing => Serving<OutreachConnector, ISequencingConnector, SequencingGrpcService>(
                new OutreachSandbox()
            ),
            Capability.Marketing => Serving<MarketoConnector, IMarketingConnector, MarketingGrpcService>(
                new MarketoSandbox()
            ),
            Capability.Meetings => Serving<ZoomConnector, IMeetingConnector, MeetingGrpcService>(new ZoomSandbox()),
            _ => throw new ArgumentOutOfRangeException(nameof(capability), capability, "no bundled connector"),
        };
        var settings = await vendor.StartAsync(CancellationToken.None);
        await vendor.SeedAsync(DemoSeed(), TimeProvider.System, CancellationToken.None);

        var builder = WebApplication.CreateSlimBuilder();
        // The test folder carries the hub's appsettings.json, whose Kestrel endpoints would be bound beside port 0.
        builder.Configuration.Sources.Clear();
        builder.WebHost.ConfigureKestrel(k =>
            k.Listen(System.Net.IPAddress.Loopback, 0, o => o.Protocols = HttpProtocols.Http2)
        );
        var connectors = new ConfigurationBuilder()
            .AddInMemoryCollection(
                settings.Select(kv => KeyValuePair.Create($"{vendor.ConnectorName}:{kv.Key}", kv.Value))
            )
            .Build();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddConnector(connector.Type, connectors);
        builder.Services.AddSingleton(connector.Interface, sp => sp.GetRequiredService(connector.Type));
        builder.Services.AddSingleton(new Description(capability));
        builder.Services.AddGrpc(o =>
        {
            if (broken == Broken.FieldViolationsDropped)
            {
                o.Interceptors.Add<FieldViolationsDropped>();
            }

            o.Interceptors.Add<ErrorInterceptor>();
            o.Interceptors.Add<CallDeadlineInterceptor>();
        });
        var app = builder.Build();
        serve(app);
        app.MapGrpcService<DescribeService>();
        app.MapGrpcService<HealthService>();
        await app.StartAsync();
        var address = new Uri(
            app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()
        );
        return new ConnectorRemote(app, vendor, address);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        await _vendor.DisposeAsync();
    }

    private static (ISandboxVendor, (Type Type, Type Interface), Action<WebApplication>) Serving<
        TConnector,
        TInterface,
        TService
    >(ISandboxVendor vendor)
        where TService : class =>
        (vendor, (typeof(TConnector), typeof(TInterface)), app => app.MapGrpcService<TService>());

    /// <summary>The hub's sandbox demo world (the Host's sandbox/demo-seed.json, copied beside the tests).</summary>
    private static SandboxSeed DemoSeed() =>
        SandboxSeed.Load(Path.Combine(AppContext.BaseDirectory, "sandbox", "demo-seed.json"));

    private sealed record Description(Capability Capability);

    private sealed class DescribeService(Description description) : ConnectorService.ConnectorServiceBase
    {
        public override Task<DescribeResponse> Describe(DescribeRequest request, ServerCallContext context) =>
            Task.FromResult(
                new DescribeResponse
                {
                    Name = $"Test{description.Capability}Remote",
                    Version = "1.0.0",
                    Capabilities = { description.Capability },
                }
            );
    }

    private sealed class HealthService : Health.HealthBase
    {
        public override Task<HealthCheckResponse> Check(HealthCheckRequest request, ServerCallContext context) =>
            Task.FromResult(new HealthCheckResponse { Status = HealthCheckResponse.Types.ServingStatus.Serving });
    }

    /// <summary>Answers bad input as INVALID_ARGUMENT with its message only: the field violations are lost.</summary>
    private sealed class FieldViolationsDropped : Interceptor
    {
        public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
            TRequest request,
            ServerCallContext context,
            UnaryServerMethod<TRequest, TResponse> continuation
        )
        {
            try
            {
                return await continuation(request, context);
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.InvalidArgument)
            {
                throw new RpcException(new Status(StatusCode.InvalidArgument, ex.Status.Detail));
            }
        }
    }
}
