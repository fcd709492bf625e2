using System.Security.Cryptography.X509Certificates;

namespace IntegrationHub.Server.Security;

/// <summary>
/// Trust in one configured CA instead of the operating system's store: the certificate must
/// chain to that CA and to nothing else. Used for callers' client certificates
/// (<c>Auth:ClientCaPath</c>) and for remote connectors' server certificates (<c>ServerCaPath</c>).
/// </summary>
public static class PrivateCa
{
    public static X509Certificate2 Load(string pemPath) => X509Certificate2.CreateFromPem(File.ReadAllText(pemPath));

    public static bool Issued(X509Certificate2 presented, X509Certificate2 ca)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(ca);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(presented);
    }
}
