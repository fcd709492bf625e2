using System.Buffers.Binary;
using Google.Protobuf;
using Google.Protobuf.Reflection;
using Grpc.AspNetCore.Server;
using IntegrationHub.Sdk.Errors;

namespace IntegrationHub.Server.Errors;

/// <summary>
/// Answers a request whose bytes do not decode as the method's request message with
/// INVALID_ARGUMENT. gRPC itself would report such a request as UNKNOWN ("exception thrown by
/// handler"), as if the hub had failed; the fault is the caller's and the answer should say so.
/// The body is buffered (it is bounded by the message size limit) and decoded once more here.
/// </summary>
public sealed class RequestDecoding : IMiddleware
{
    private readonly Dictionary<string, MessageDescriptor> _inputs;

    public RequestDecoding() => _inputs = Http.ContractDescriptors.Services.SelectMany(s => s.Methods)
        .ToDictionary(m => $"/{m.Service.FullName}/{m.Name}", m => m.InputType, StringComparer.Ordinal);

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        var method = context.GetEndpoint()?.Metadata.GetMetadata<GrpcMethodMetadata>()?.Method;
        // Only gRPC framing is checked here; JSON over HTTP is decoded (and refused) by its own reader.
        if (method is null || context.Request.ContentType?.StartsWith("application/grpc", StringComparison.Ordinal) != true || !_inputs.TryGetValue($"/{method.ServiceName}/{method.Name}", out var input) || method.Type is not (Grpc.Core.MethodType.Unary or Grpc.Core.MethodType.ServerStreaming))
        {
            await next(context);
            return;
        }

        context.Request.EnableBuffering();
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body, context.RequestAborted);
        context.Request.Body.Position = 0;
        if (Undecodable(body.GetBuffer().AsSpan(0, (int)body.Length), input) is { } problem)
        {
            await TrailersOnlyResponse.WriteAsync(context, RpcErrors.InvalidRequestStatus([new FieldViolation("", $"the request does not decode as {input.FullName}: {problem}")]));
            return;
        }

        await next(context);
    }

    /// <summary>Why an uncompressed, complete gRPC frame does not decode; null when it does, or when gRPC should judge it (compressed, over-long).</summary>
    private static string? Undecodable(ReadOnlySpan<byte> frame, MessageDescriptor input)
    {
        if (frame.Length < 5 || frame[0] != 0)
        {
            return null;
        }

        var length = BinaryPrimitives.ReadUInt32BigEndian(frame[1..5]);
        if (length > frame.Length - 5)
        {
            return null;
        }

        try
        {
            input.Parser.ParseFrom(frame.Slice(5, (int)length).ToArray());
            return null;
        }
        catch (InvalidProtocolBufferException e)
        {
            return e.Message;
        }
    }
}
