using System.Collections.Concurrent;
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
public sealed class CallerLimitInterceptor(IOptions<CallerLimitOptions> options, TimeProvider time) : Interceptor
{
    private readonly CallerLimitOptions _options = options.Value;
    private readonly CallerTokenBuckets _rate = new(options.Value.RequestsPerSecond, options.Value.Burst, time);
    private readonly ConcurrentDictionary<string, int> _streams = new(StringComparer.Ordinal);

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

        if (_streams.AddOrUpdate(caller, 1, (_, open) => open + 1) > _options.StreamsPerCaller)
        {
            Release(caller);
            throw RpcErrors.CallerLimited(
                $"This caller already holds {_options.StreamsPerCaller} open streams; close one first.",
                "TOO_MANY_STREAMS",
                retryAfter: null
            );
        }

        try
        {
            await continuation(request, responseStream, context);
        }
        finally
        {
            Release(caller);
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
        var user = context.GetHttpContext().User;
        if (user.Identity?.IsAuthenticated != true)
        {
            return null;
        }

        var caller = user.FindFirst("key_id")?.Value ?? user.FindFirst("sub")?.Value ?? user.Identity.Name ?? "unnamed";
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

    private void Release(string caller) => _streams.AddOrUpdate(caller, 0, (_, open) => Math.Max(0, open - 1));
}
