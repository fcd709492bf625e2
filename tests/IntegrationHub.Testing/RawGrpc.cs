using System.Buffers.Binary;
using System.Net;
using System.Net.Http.Headers;
using Grpc.Core;

namespace IntegrationHub.Testing;

/// <summary>
/// gRPC calls built by hand over HTTP/2, for what a gRPC client library will not send: any flag
/// byte, any declared length, several messages on a unary call, a body cut short. The answer is
/// the grpc-status the hub gave (from the trailers, or the headers of a trailers-only answer).
/// </summary>
public sealed class RawGrpc(HttpMessageHandler handler, Uri address) : IDisposable
{
    private readonly HttpClient _client = new(handler) { BaseAddress = address, Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>An HTTP/2 client for a plaintext hub endpoint, sending the test key.</summary>
    public static RawGrpc ForProcess(Uri address) =>
        new(HubCredentials.Handler(new SocketsHttpHandler { EnableMultipleHttp2Connections = true }), address);

    /// <summary>
    /// One gRPC frame: the flag byte, the declared length (the payload's own by default) and the payload.
    /// </summary>
    public static byte[] Frame(byte[] payload, byte flag = 0, uint? declaredLength = null)
    {
        var frame = new byte[5 + payload.Length];
        frame[0] = flag;
        BinaryPrimitives.WriteUInt32BigEndian(frame.AsSpan(1), declaredLength ?? (uint)payload.Length);
        payload.CopyTo(frame, 5);
        return frame;
    }

    /// <summary>
    /// Posts <paramref name="body"/> to <paramref name="path"/> ("/package.Service/Method") as a gRPC call; the status
    /// it ended with.
    /// </summary>
    public async Task<(StatusCode Code, string Message)> CallAsync(
        string path,
        HttpContent body,
        string? encoding = null,
        CancellationToken cancellationToken = default
    )
    {
        body.Headers.ContentType = new MediaTypeHeaderValue("application/grpc");
        using var request = new HttpRequestMessage(HttpMethod.Post, path)
        {
            Version = HttpVersion.Version20,
            VersionPolicy = HttpVersionPolicy.RequestVersionExact,
            Content = body,
        };
        request.Headers.TryAddWithoutValidation("te", "trailers");
        if (encoding is not null)
        {
            request.Headers.TryAddWithoutValidation("grpc-encoding", encoding);
        }

        using var response = await _client.SendAsync(
            request,
            HttpCompletionOption.ResponseHeadersRead,
            cancellationToken
        );
        // Read to the end: the trailers arrive after the body.
        await response.Content.CopyToAsync(Stream.Null, cancellationToken);
        var status = Header(response, "grpc-status");
        if (status is null)
        {
            throw new InvalidOperationException($"HTTP {(int)response.StatusCode} without grpc-status from {path}");
        }

        return (
            (StatusCode)int.Parse(status, System.Globalization.CultureInfo.InvariantCulture),
            Uri.UnescapeDataString(Header(response, "grpc-message") ?? "")
        );
    }

    public Task<(StatusCode Code, string Message)> CallAsync(
        string path,
        byte[] body,
        string? encoding = null,
        CancellationToken cancellationToken = default
    ) => CallAsync(path, new ByteArrayContent(body), encoding, cancellationToken);

    public void Dispose() => _client.Dispose();

    private static string? Header(HttpResponseMessage response, string name) =>
        response.TrailingHeaders.TryGetValues(name, out var trailer) ? trailer.FirstOrDefault()
        : response.Headers.TryGetValues(name, out var header) ? header.FirstOrDefault()
        : null;
}
