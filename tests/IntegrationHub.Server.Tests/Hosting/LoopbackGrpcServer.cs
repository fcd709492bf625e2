using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationHub.Server.Tests.Hosting;

/// <summary>A gRPC server of a test's own (a remote connector) on a loopback port the system picks.</summary>
internal static class LoopbackGrpcServer
{
    /// <summary>HTTP/2 on 127.0.0.1:0; <paramref name="listen"/> adds to the endpoint (TLS, say).</summary>
    public static WebApplicationBuilder Builder(Action<ListenOptions>? listen = null)
    {
        var builder = WebApplication.CreateSlimBuilder();
        // The test folder carries the hub's appsettings.json, whose Kestrel endpoints (the hub's
        // default ports) would be bound beside port 0 and clash with a hub a developer is running.
        builder.Configuration.Sources.Clear();
        builder.WebHost.ConfigureKestrel(k => k.Listen(System.Net.IPAddress.Loopback, 0, o =>
            {
                o.Protocols = HttpProtocols.Http2;
                listen?.Invoke(o);
            }));
        return builder;
    }

    /// <summary>Starts the server and answers the address it listens on.</summary>
    public static async Task<Uri> StartAsync(WebApplication app)
    {
        await app.StartAsync();
        return new Uri(
            app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()
        );
    }
}
