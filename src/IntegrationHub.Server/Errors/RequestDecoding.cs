using System.Collections.Concurrent;
using System.Reflection;
using Google.Protobuf.Reflection;
using Grpc.AspNetCore.Server;
using Grpc.Core;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Server.Errors;

/// <summary>
/// Puts a bound on every RPC's request body before gRPC reads it: gRPC bodies are read through
/// <see cref="GrpcRequestFraming"/> (one checked message of at most the limit at a time, every
/// framing fault answered with its gRPC status, bytes that do not decode with INVALID_ARGUMENT),
/// JSON bodies of transcoded RPCs held up to the limit by <see cref="JsonRequestBody"/>. No more
/// than one message of at most the limit is held; a body over it is refused on its length prefix
/// or Content-Length, or on the first byte past the limit.
/// </summary>
public sealed class RequestDecoding(IOptions<GrpcServiceOptions> grpc) : IMiddleware
{
    private readonly ConcurrentDictionary<IMethod, GrpcRequestFraming.Rules> _rules = new();

    public async Task InvokeAsync(HttpContext context, RequestDelegate next)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<GrpcMethodMetadata>()?.Method is not { } method)
        {
            await next(context);
            return;
        }

        var limit = grpc.Value.MaxReceiveMessageSize
            ?? throw new InvalidOperationException("gRPC's MaxReceiveMessageSize must be set.");
        // The message limit bounds what is held; Kestrel's own body limit (for every other route) would refuse a
        // streaming call's total, or a JSON body with an answer gRPC clients cannot read.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } bodySize)
        {
            bodySize.MaxRequestBodySize = null;
        }

        if (context.Request.ContentType?.StartsWith("application/grpc", StringComparison.Ordinal) != true)
        {
            if (await JsonRequestBody.TryHoldAsync(context, limit))
            {
                await next(context);
            }

            return;
        }

        var body = new GrpcRequestFraming(
            context.Request.Body,
            context.Response,
            _rules.GetOrAdd(method, Rules, limit)
        );
        context.Response.RegisterForDispose(body);
        context.Request.Body = body;
        await next(context);
    }

    private GrpcRequestFraming.Rules Rules(IMethod method, int limit) =>
        new(
            method.Type is MethodType.Unary or MethodType.ServerStreaming,
            RequestDescriptor(method),
            limit,
            [.. grpc.Value.CompressionProviders]
        );

    /// <summary>
    /// The request message's descriptor, from the generated message type of <c>Method&lt;TRequest, TResponse&gt;</c>;
    /// null when it has none.
    /// </summary>
    private static MessageDescriptor? RequestDescriptor(IMethod method) =>
        method.GetType() is { IsGenericType: true } type && type.GetGenericTypeDefinition() == typeof(Method<,>)
            ? type.GetGenericArguments()[0]
                .GetProperty("Descriptor", BindingFlags.Public | BindingFlags.Static)
                ?.GetValue(null) as MessageDescriptor
            : null;
}
