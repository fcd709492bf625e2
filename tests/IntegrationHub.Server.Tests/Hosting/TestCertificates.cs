using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace IntegrationHub.Server.Tests.Hosting;

/// <summary>A throwaway private CA and the certificates it issues, for TLS and mutual-TLS tests on 127.0.0.1.</summary>
public sealed class TestCertificates : IDisposable
{
    // TLS checks certificate validity against the machine's clock, whatever the hub's clock says.
    private static DateTimeOffset MachineNow => TimeProvider.System.GetUtcNow();

    public TestCertificates()
    {
        using var caKey = RSA.Create(2048);
        var caRequest = new CertificateRequest(
            "CN=IntegrationHub test CA",
            caKey,
            HashAlgorithmName.SHA256,
            RSASignaturePadding.Pkcs1
        );
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        caRequest.CertificateExtensions.Add(
            new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true)
        );
        Ca = caRequest.CreateSelfSigned(MachineNow.AddDays(-1), MachineNow.AddDays(1));
        Server = Issue("CN=127.0.0.1", serverAuth: true);
        Client = Issue("CN=integrationhub", serverAuth: false);
    }

    public X509Certificate2 Ca { get; }

    public X509Certificate2 Server { get; }

    public X509Certificate2 Client { get; }

    /// <summary>
    /// Writes the CA as PEM and the client certificate as PKCS#12, as an operator would hand them to the hub.
    /// </summary>
    public (string CaPem, string ClientPfx) WriteFiles(string password)
    {
        var folder = Directory.CreateTempSubdirectory("hub-tls-").FullName;
        var caPem = Path.Combine(folder, "ca.pem");
        var clientPfx = Path.Combine(folder, "client.pfx");
        File.WriteAllText(caPem, Ca.ExportCertificatePem());
        File.WriteAllBytes(clientPfx, Client.Export(X509ContentType.Pkcs12, password));
        return (caPem, clientPfx);
    }

    /// <summary>
    /// Writes the server certificate (for 127.0.0.1) as PKCS#12, for a Kestrel endpoint's Certificate:Path.
    /// </summary>
    public string WriteServerPfx(string password)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("hub-tls-").FullName, "server.pfx");
        File.WriteAllBytes(path, Server.Export(X509ContentType.Pkcs12, password));
        return path;
    }

    public static bool ChainsTo(X509Certificate2 certificate, X509Certificate2 ca) =>
        IntegrationHub.Server.Security.PrivateCa.Issued(certificate, ca);

    public void Dispose()
    {
        Ca.Dispose();
        Server.Dispose();
        Client.Dispose();
    }

    private X509Certificate2 Issue(string subject, bool serverAuth)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(
            new X509EnhancedKeyUsageExtension([new Oid(serverAuth ? "1.3.6.1.5.5.7.3.1" : "1.3.6.1.5.5.7.3.2")], false)
        );
        if (serverAuth)
        {
            var names = new SubjectAlternativeNameBuilder();
            names.AddIpAddress(IPAddress.Loopback);
            names.AddDnsName("localhost");
            request.CertificateExtensions.Add(names.Build());
        }

        using var issued = request.Create(
            Ca,
            MachineNow.AddHours(-1),
            MachineNow.AddHours(12),
            RandomNumberGenerator.GetBytes(8)
        );
        // With its private key, and exportable, so Kestrel can serve it and the hub can load it from a file.
        return X509CertificateLoader.LoadPkcs12(
            issued.CopyWithPrivateKey(key).Export(X509ContentType.Pkcs12, ""),
            "",
            X509KeyStorageFlags.Exportable
        );
    }
}
