using System.Buffers;
using System.Buffers.Binary;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.Core;
using Grpc.Net.Compression;
using Code = Google.Rpc.Code;

namespace IntegrationHub.Server.Errors;

/// <summary>
/// A gRPC request body read one length-prefixed message at a time and checked before gRPC sees
/// it: the flag byte, the declared length against the message limit (refused on the 5-byte
/// prefix, before the message is read), a message cut short, the number of messages a unary or
/// server-streaming call may carry, decompression (bounded by the same limit) and, when the
/// request type is known, that the message decodes. Nothing beyond one message of at most the
/// limit is ever held. A violation ends the call with the status the gRPC status-code spec gives
/// it (see the README's table), thrown as an <see cref="Grpc.Core.RpcException"/> from the read, so
/// gRPC answers it without a handler exception. Compressed messages are passed on decompressed.
/// </summary>
public sealed class GrpcRequestFraming(Stream inner, HttpResponse response, GrpcRequestFraming.Rules rules) : Stream
{
    private const int HeaderSize = 5;

    private readonly byte[] _header = new byte[HeaderSize];
    private byte[]? _frame;
    private int _frameLength;
    private int _position;
    private int _messages;
    private bool _ended;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (buffer.IsEmpty)
        {
            return 0;
        }

        if (_frame is null || _position == _frameLength)
        {
            ReturnFrame();
            if (_ended || !await NextFrameAsync(cancellationToken))
            {
                _ended = true;
                return 0;
            }
        }

        var count = Math.Min(buffer.Length, _frameLength - _position);
        _frame.AsSpan(_position, count).CopyTo(buffer.Span);
        _position += count;
        return count;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) =>
        throw new NotSupportedException("The gRPC request body is read asynchronously.");

    public override void Flush() { }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        ReturnFrame();
        base.Dispose(disposing);
    }

    /// <summary>
    /// Reads, checks and holds the next message as an uncompressed frame; false at the end of a well-formed body.
    /// </summary>
    private async ValueTask<bool> NextFrameAsync(CancellationToken cancellationToken)
    {
        var got = await inner.ReadAtLeastAsync(_header, HeaderSize, throwOnEndOfStream: false, cancellationToken);
        if (got == 0)
        {
            return _messages > 0 || !rules.SingleMessage
                ? false
                : throw Refusal(
                    Code.Unimplemented,
                    "REQUEST_CARDINALITY",
                    "The call carries no request message; this method takes exactly one."
                );
        }

        if (rules.SingleMessage && _messages > 0)
        {
            throw Refusal(
                Code.Unimplemented,
                "REQUEST_CARDINALITY",
                "The call carries more than one request message; this method takes exactly one."
            );
        }

        if (got < HeaderSize)
        {
            throw Refusal(
                Code.Internal,
                "MALFORMED_FRAME",
                $"The request ended inside a message header ({got} of {HeaderSize} bytes)."
            );
        }

        var flag = _header[0];
        var length = BinaryPrimitives.ReadUInt32BigEndian(_header.AsSpan(1));
        if (flag > 1)
        {
            throw Refusal(
                Code.Internal,
                "MALFORMED_FRAME",
                $"The message's compressed flag is {flag}; gRPC allows only 0 and 1."
            );
        }

        if (length > rules.MaxMessageBytes)
        {
            throw TooLarge($"The request message declares {length} bytes, more");
        }

        var decompressor = flag == 1 ? Decompressor() : null;
        var payload = ArrayPool<byte>.Shared.Rent(HeaderSize + (int)length);
        try
        {
            got = await inner.ReadAtLeastAsync(
                payload.AsMemory(HeaderSize, (int)length),
                (int)length,
                throwOnEndOfStream: false,
                cancellationToken
            );
            if (got < length)
            {
                throw Refusal(
                    Code.Internal,
                    "MALFORMED_FRAME",
                    $"The request message declares {length} bytes but the request ended after {got}."
                );
            }

            (_frame, _frameLength) = decompressor is null
                ? (payload, HeaderSize + (int)length)
                : Decompress(decompressor, payload, (int)length);
            if (!ReferenceEquals(_frame, payload))
            {
                ArrayPool<byte>.Shared.Return(payload);
            }
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(payload);
            throw;
        }

        _frame[0] = 0;
        BinaryPrimitives.WriteUInt32BigEndian(_frame.AsSpan(1), (uint)(_frameLength - HeaderSize));
        _position = 0;
        _messages++;
        Decodes(_frame, _frameLength);
        return true;
    }

    private ICompressionProvider Decompressor()
    {
        var encoding = response.HttpContext.Request.Headers["grpc-encoding"].ToString();
        if (encoding.Length == 0 || encoding == "identity")
        {
            throw Refusal(
                Code.Internal,
                "MALFORMED_FRAME",
                "The message is marked compressed but the call names no grpc-encoding."
            );
        }

        if (rules.Compression.FirstOrDefault(p => p.EncodingName == encoding) is { } provider)
        {
            return provider;
        }

        var supported = string.Join(",", rules.Compression.Select(p => p.EncodingName).Prepend("identity"));
        if (!response.HasStarted)
        {
            response.Headers["grpc-accept-encoding"] = supported;
        }

        throw Refusal(
            Code.Unimplemented,
            "UNSUPPORTED_ENCODING",
            $"The hub does not support grpc-encoding '{encoding}'; it supports {supported}."
        );
    }

    /// <summary>The message decompressed, behind room for a header; at most the limit, or RESOURCE_EXHAUSTED.</summary>
    private (byte[] Frame, int Length) Decompress(ICompressionProvider provider, byte[] payload, int length)
    {
        var output = ArrayPool<byte>.Shared.Rent(HeaderSize + rules.MaxMessageBytes + 1);
        try
        {
            using var source = provider.CreateDecompressionStream(
                new MemoryStream(payload, HeaderSize, length, writable: false)
            );
            var total = 0;
            int read;
            while (
                total <= rules.MaxMessageBytes
                && (read = source.Read(output, HeaderSize + total, rules.MaxMessageBytes + 1 - total)) > 0
            )
            {
                total += read;
            }

            return total > rules.MaxMessageBytes
                ? throw TooLarge("The request message decompresses to more bytes")
                : (output, HeaderSize + total);
        }
        catch (InvalidDataException)
        {
            ArrayPool<byte>.Shared.Return(output);
            throw Refusal(
                Code.Internal,
                "UNDECOMPRESSABLE",
                $"The request message does not decompress as {provider.EncodingName}."
            );
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(output);
            throw;
        }
    }

    private void Decodes(byte[] frame, int length)
    {
        if (rules.Input is not { } input)
        {
            return;
        }

        try
        {
            input.Parser.ParseFrom(frame, HeaderSize, length - HeaderSize);
        }
        catch (InvalidProtocolBufferException e)
        {
            throw RpcErrors.InvalidRequest([
                new Sdk.Errors.FieldViolation("", $"the request does not decode as {input.FullName}: {e.Message}"),
            ]);
        }
    }

    private Grpc.Core.RpcException TooLarge(string what) =>
        Refusal(
            Code.ResourceExhausted,
            "MESSAGE_TOO_LARGE",
            $"{what} than the hub's limit of {rules.MaxMessageBytes} bytes."
        );

    private static Grpc.Core.RpcException Refusal(Code code, string reason, string message) =>
        RpcErrors.BuildStatus(code, message, reason, vendor: null, retryAfter: null, []).ToRpcException();

    private void ReturnFrame()
    {
        if (_frame is { } frame)
        {
            _frame = null;
            ArrayPool<byte>.Shared.Return(frame);
        }
    }

    /// <summary>What a method's request body must be.</summary>
    /// <param name="SingleMessage">Unary and server-streaming calls carry exactly one message.</param>
    /// <param name="Input">The request message type, to check that each message decodes; null to leave that to
    /// gRPC.</param>
    /// <param name="MaxMessageBytes">The largest message, compressed or not.</param>
    /// <param name="Compression">The encodings the hub decompresses.</param>
    public sealed record Rules(
        bool SingleMessage,
        MessageDescriptor? Input,
        int MaxMessageBytes,
        IReadOnlyList<ICompressionProvider> Compression
    );
}
