using Grpc.Core;
using Grpc.Core.Interceptors;
using IntegrationHub.Server.Errors;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Server.Security;

/// <summary>
/// Per-caller limits: a token bucket of calls, and a cap on open server streams. Over either,
/// the call fails with RESOURCE_EXHAUSTED (with RetryInfo for the rate) before the service runs.
/// Calls without a caller (health checks) are not counted.
/// </summary>
public sealed class CallerLimitInterceptor(
    IOptions<CallerLimitOptions> options,
    CallerStreams streams,
    TimeProvider time
) : Interceptor
{
    private readonly CallerLimitOptions _options = options.Value;
    private readonly CallerTokenBuckets _rate = new(options.Value.RequestsPerSecond, options.Value.Burst, time);

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request,
        ServerCallContext context,
        UnaryServerMethod<TRequest, TResponse> continuation
    )
    {
        Admit(context);
        return await continuation(request, context);
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request,
        IServerStreamWriter<TResponse> responseStream,
        ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation
    )
    {
        if (Admit(context) is not { } caller)
        {
            await continuation(request, responseStream, context);
            return;
        }

        if (!streams.TryOpen(caller))
        {
            throw RpcErrors.CallerLimited(TooManyStreams(streams.Limit), "TOO_MANY_STREAMS", retryAfter: null);
        }

        try
        {
            await continuation(request, responseStream, context);
        }
        finally
        {
            streams.Close(caller);
        }
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream,
        ServerCallContext context,
        ClientStreamingServerMethod<TRequest, TResponse> continuation
    )
    {
        Admit(context);
        return await continuation(requestStream, context);
    }

    public override async Task DuplexStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream,
        IServerStreamWriter<TResponse> responseStream,
        ServerCallContext context,
        DuplexStreamingServerMethod<TRequest, TResponse> continuation
    )
    {
        Admit(context);
        await continuation(requestStream, responseStream, context);
    }

    /// <summary>Takes one call from the caller's bucket; the caller's id, or null for anonymous calls.</summary>
    private string? Admit(ServerCallContext context)
    {
        if (CallerStreams.CallerOf(context.GetHttpContext().User) is not { } caller)
        {
            return null;
        }

        if (!_rate.TryTake(caller, out var retryAfter))
        {
            throw RpcErrors.CallerLimited(
                $"This caller is over {_options.RequestsPerSecond} calls per second (burst {_options.Burst}); retry "
                    + $"later.",
                "CALLER_RATE_LIMITED",
                retryAfter
            );
        }

        return caller;
    }

    /// <summary>The refusal a caller over its stream limit reads, on gRPC and server-sent events alike.</summary>
    public static string TooManyStreams(int limit) =>
        $"This caller already holds {limit} open streams; close one first.";
}
