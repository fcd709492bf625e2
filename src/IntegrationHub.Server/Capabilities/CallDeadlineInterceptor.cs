using Grpc.Core;
using Grpc.Core.Interceptors;
using IntegrationHub.Routing.Facts;

namespace IntegrationHub.Server.Capabilities;

/// <summary>
/// Carries a caller's gRPC deadline into the hub as <see cref="CallDeadline"/>, so a connector that calls another
/// process (a remote connector) passes on what is left of it rather than a fixed timeout.
/// </summary>
public sealed class CallDeadlineInterceptor(TimeProvider time) : Interceptor
{
    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request,
        ServerCallContext context,
        UnaryServerMethod<TRequest, TResponse> continuation
    )
    {
        if (context.Deadline == DateTime.MaxValue)
        {
            return await continuation(request, context);
        }

        // grpc-dotnet states the deadline on the machine's clock; the hub measures on its own (a test clock may
        // stand elsewhere), so what is carried over is the time left.
        var left = context.Deadline - TimeProvider.System.GetUtcNow().UtcDateTime;
        using var deadline = CallDeadline.Until(time.GetUtcNow() + left);
        return await continuation(request, context);
    }
}
