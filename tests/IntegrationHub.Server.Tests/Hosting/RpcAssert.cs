using Google.Rpc;
using Grpc.Core;

namespace IntegrationHub.Server.Tests.Hosting;

/// <summary>What a caller sees of a failed call: the status code and the rich error details.</summary>
public static class RpcAssert
{
    public static async Task<RpcException> FailsWith(StatusCode code, Func<Task> call)
    {
        var error = await Assert.ThrowsAsync<RpcException>(call);
        Assert.Equal(code, error.StatusCode);
        Assert.DoesNotContain("   at ", error.Status.Detail, StringComparison.Ordinal);
        return error;
    }

    public static IReadOnlyList<string> ViolatedFields(RpcException error) =>
        [.. (error.GetRpcStatus()?.GetDetail<BadRequest>()?.FieldViolations ?? []).Select(v => v.Field)];

    public static ErrorInfo? Info(RpcException error) => error.GetRpcStatus()?.GetDetail<ErrorInfo>();
}
