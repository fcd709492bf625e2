using System.Security.Cryptography.X509Certificates;
using Grpc.Core;
using Grpc.Health.V1;
using Grpc.Net.Client;
using IntegrationHub.Server.Tests.Hosting;
using IntegrationHub.Testing;

namespace IntegrationHub.Server.Tests.Security;

/// <summary>
/// Callers' client certificates trusted through a configured private CA (Auth:ClientCaPath), not
/// the operating system's store: a hub process with a TLS endpoint that requires one.
/// </summary>
public sealed class CallerCertificateTests : IAsyncLifetime
{
    private readonly TestCertificates _certificates = new();
    private readonly TestCertificates _strangers = new();
    private HubProcess _hub = null!;
    private Uri _tls = null!;

    public async Task InitializeAsync()
    {
        var (caPem, _) = _certificates.WriteFiles("pfx-password");
        _tls = new Uri($"https://127.0.0.1:{HubProcess.FreePort()}");
        _hub = await HubProcess.StartAsync(
            new Dictionary<string, string?>
            {
                ["Kestrel:Endpoints:Grpcs:Url"] = _tls.ToString(),
                ["Kestrel:Endpoints:Grpcs:Protocols"] = "Http2",
                ["Kestrel:Endpoints:Grpcs:Certificate:Path"] = _certificates.WriteServerPfx("pfx-password"),
                ["Kestrel:Endpoints:Grpcs:Certificate:Password"] = "pfx-password",
                ["Kestrel:Endpoints:Grpcs:ClientCertificateMode"] = "RequireCertificate",
                ["Auth:ClientCaPath"] = caPem,
            }
        );
    }

    [Fact]
    public async Task A_caller_presenting_a_certificate_from_the_configured_ca_is_let_in()
    {
        var reply = await HealthOver(_certificates.Client);

        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, reply.Status);
    }

    [Fact]
    public async Task A_caller_presenting_a_certificate_from_another_ca_is_refused()
    {
        await Assert.ThrowsAsync<RpcException>(() => HealthOver(_strangers.Client));
    }

    private async Task<HealthCheckResponse> HealthOver(X509Certificate2 client)
    {
        var handler = new SocketsHttpHandler();
        handler.SslOptions.ClientCertificates = [client];
        handler.SslOptions.RemoteCertificateValidationCallback = (_, server, _, _) =>
            server is X509Certificate2 presented && TestCertificates.ChainsTo(presented, _certificates.Ca);
        using var channel = GrpcChannel.ForAddress(
            _tls,
            new GrpcChannelOptions { HttpHandler = handler, DisposeHttpClient = true }
        );
        return await new Grpc.Health.V1.Health.HealthClient(channel).CheckAsync(
            new HealthCheckRequest(),
            deadline: CallDeadline.In(TimeSpan.FromSeconds(20))
        );
    }

    public async Task DisposeAsync()
    {
        await _hub.DisposeAsync();
        _certificates.Dispose();
        _strangers.Dispose();
    }
}
