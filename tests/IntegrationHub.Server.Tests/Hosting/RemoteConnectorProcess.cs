using System.Security.Cryptography.X509Certificates;
using IntegrationHub.Sdk.Capabilities.Enrichment;
using IntegrationHub.Server.Capabilities.Enrichment;
using IntegrationHub.Server.Errors;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.AspNetCore.Server.Kestrel.Https;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationHub.Server.Tests.Hosting;

/// <summary>
/// A second gRPC server on a real loopback port serving the enrichment contract, as a
/// partner's connector process would: the hub is pointed at it by Capabilities:Enrichment:Endpoint.
/// </summary>
public sealed class RemoteConnectorProcess : IAsyncDisposable
{
    private readonly WebApplication _app;

    private RemoteConnectorProcess(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    public Uri Address { get; }

    public MemoryConnector Connector => _app.Services.GetRequiredService<MemoryConnector>();

    /// <summary>
    /// Plaintext h2c, or TLS with <paramref name="certificate"/> requiring a client certificate issued by
    /// <paramref name="clientCa"/>.
    /// </summary>
    public static async Task<RemoteConnectorProcess> StartAsync(
        X509Certificate2? certificate = null,
        X509Certificate2? clientCa = null
    )
    {
        var builder = LoopbackGrpcServer.Builder(o =>
        {
            if (certificate is not null)
            {
                o.UseHttps(certificate, https =>
                {
                    https.ClientCertificateMode = clientCa is null
                        ? ClientCertificateMode.NoCertificate
                        : ClientCertificateMode.RequireCertificate;
                    https.ClientCertificateValidation = (client, _, _) =>
                        clientCa is not null && TestCertificates.ChainsTo(client, clientCa);
                });
            }
        });
        builder.Services.AddGrpc(o => o.Interceptors.Add<ErrorInterceptor>());
        builder.Services.AddSingleton<MemoryConnector>();
        builder.Services.AddSingleton<IEnrichmentConnector>(sp => sp.GetRequiredService<MemoryConnector>());
        var app = builder.Build();
        app.MapGrpcService<EnrichmentGrpcService>();
        return new RemoteConnectorProcess(app, await LoopbackGrpcServer.StartAsync(app));
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
