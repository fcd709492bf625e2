using System.Net.Security;
using System.Security.Cryptography.X509Certificates;
using Grpc.Net.Client;
using IntegrationHub.Hub.Capabilities;
using IntegrationHub.Hub.Credentials;
using IntegrationHub.Server.Plugins;
using IntegrationHub.Server.Security;

namespace IntegrationHub.Server.Capabilities.Remote;

/// <summary>
/// The channel to a remote connector process: plaintext HTTP/2 for http://, TLS for https://,
/// with the hub's client certificate for mutual TLS and a private CA for the server's certificate
/// when configured.
/// </summary>
public static class RemoteChannel
{
    public static GrpcChannel Create(Uri endpoint, RemoteTlsOptions tls)
    {
        var (client, ca) = LoadFiles(tls);
        var handler = new SocketsHttpHandler
        {
            EnableMultipleHttp2Connections = true,
            PooledConnectionIdleTimeout = Timeout.InfiniteTimeSpan,
        };
        if (client is not null)
        {
            handler.SslOptions.ClientCertificates = [client];
        }

        if (ca is not null)
        {
            handler.SslOptions.RemoteCertificateValidationCallback = (_, presented, _, errors) =>
                ChainsTo(presented, ca, errors);
        }

        return GrpcChannel.ForAddress(
            endpoint,
            new GrpcChannelOptions { HttpHandler = handler, DisposeHttpClient = true }
        );
    }

    /// <summary>
    /// Loads the configured certificate files; throws with the reason when one cannot be read (checked at start).
    /// </summary>
    public static (X509Certificate2? Client, X509Certificate2? Ca) LoadFiles(RemoteTlsOptions tls) =>
        (
            tls.ClientCertificatePath is { Length: > 0 } pfx
                ? X509CertificateLoader.LoadPkcs12FromFile(pfx, tls.ClientCertificatePassword)
                : null,
            tls.ServerCaPath is { Length: > 0 } pem ? PrivateCa.Load(pem) : null
        );

    /// <summary>The server's certificate is valid for the host and chains to the configured CA only.</summary>
    private static bool ChainsTo(X509Certificate? presented, X509Certificate2 ca, SslPolicyErrors errors)
    {
        if (
            presented is null
            || errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch)
            || errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable)
        )
        {
            return false;
        }

        return PrivateCa.Issued(presented as X509Certificate2 ?? new X509Certificate2(presented), ca);
    }
}
