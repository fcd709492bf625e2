using Grpc.Core;
using Grpc.Net.Client;

namespace IntegrationHub.Cli.Conformance;

/// <summary>The remote connector process a conformance run talks to, and how long each call may take.</summary>
internal sealed class RemoteUnderTest(Uri address, TimeSpan callTimeout) : IDisposable
{
    private readonly GrpcChannel _channel = GrpcChannel.ForAddress(address);

    public Uri Address { get; } = address;

    public CallInvoker Invoker => _channel.CreateCallInvoker();

    /// <summary>The deadline every ordinary call carries, as the hub's own calls do.</summary>
    public DateTime Deadline() => Within(callTimeout);

    // grpc-dotnet turns a deadline into grpc-timeout against the machine's clock.
    public static DateTime Within(TimeSpan timeout) => TimeProvider.System.GetUtcNow().UtcDateTime + timeout;

    /// <summary>Reads "host:port" as plaintext HTTP/2 (h2c); an http:// or https:// address as it is.</summary>
    public static Uri? ParseEndpoint(string text) =>
        Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? uri
        : Uri.TryCreate("http://" + text, UriKind.Absolute, out var plain) && plain.Port > 0 ? plain
        : null;

    public void Dispose() => _channel.Dispose();
}
