namespace IntegrationHub.Testing;

/// <summary>
/// A request body of <c>length</c> bytes, written in 64 KB pieces and chunked (no Content-Length,
/// so the hub learns its size only by reading), that never makes a request: one gRPC message of
/// undecodable bytes whose prefix declares them all, or the start of a JSON request with one
/// string that never ends. What a hostile caller sends to make the hub buffer.
/// </summary>
public sealed class JunkBody(int length, bool grpcPrefix) : HttpContent
{
    protected override async Task SerializeToStreamAsync(Stream stream, System.Net.TransportContext? context)
    {
        var piece = new byte[64 * 1024];
        Array.Fill(piece, grpcPrefix ? (byte)0xFF : (byte)'a');
        await stream.WriteAsync(
            grpcPrefix ? RawGrpc.Frame([], declaredLength: (uint)length) : "{\"requestId\":\""u8.ToArray()
        );
        for (var sent = 0; sent < length; sent += piece.Length)
        {
            await stream.WriteAsync(piece.AsMemory(0, Math.Min(piece.Length, length - sent)));
        }
    }

    protected override bool TryComputeLength(out long length)
    {
        length = 0;
        return false;
    }
}
