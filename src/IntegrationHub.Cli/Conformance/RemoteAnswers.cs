using Google.Rpc;
using Grpc.Core;

namespace IntegrationHub.Cli.Conformance;

/// <summary>How a remote's answer is judged, whatever its capability (connectors/REMOTE.md, "Errors").</summary>
internal static class RemoteAnswers
{
    /// <summary>
    /// Null when <paramref name="call"/> is refused as INVALID_ARGUMENT with a google.rpc.BadRequest field violation
    /// naming <paramref name="field"/> (or a part of it); else what was wrong.
    /// </summary>
    public static async Task<string?> RefusesAsync(Func<Task> call, string field, string what)
    {
        try
        {
            await call();
            return $"{what} was answered; it must be INVALID_ARGUMENT";
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.InvalidArgument)
        {
            var fields = ex.GetRpcStatus()?.GetDetail<BadRequest>()?.FieldViolations.Select(v => v.Field) ?? [];
            return fields.Any(f => f.StartsWith(field, StringComparison.Ordinal))
                ? null
                : $"{what}: INVALID_ARGUMENT without a google.rpc.BadRequest field violation naming {field}";
        }
        catch (RpcException ex)
        {
            return $"{what} answered {ex.StatusCode}; it must be INVALID_ARGUMENT";
        }
    }

    /// <summary>Null when <paramref name="call"/> is answered; else what it answered <paramref name="when"/>.</summary>
    public static async Task<string?> StillServesAsync(Func<Task> call, string when)
    {
        try
        {
            await call();
            return null;
        }
        catch (RpcException ex)
        {
            return $"{when}, the next call answered {ex.StatusCode}: {ex.Status.Detail}";
        }
    }
}
