using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Server.Security;

/// <summary>
/// How many long-lived streams each caller holds open, gRPC server streams and the dashboard's server-sent events
/// alike: each one holds a queue in memory, so a caller past <see cref="CallerLimitOptions.StreamsPerCaller"/> is
/// refused rather than allowed to grow the hub's memory without bound.
/// </summary>
public sealed class CallerStreams(IOptions<CallerLimitOptions> options)
{
    private readonly ConcurrentDictionary<string, int> _open = new(StringComparer.Ordinal);

    public int Limit => options.Value.StreamsPerCaller;

    /// <summary>The caller a limit applies to: the key's id, else the token's subject; null if anonymous.</summary>
    public static string? CallerOf(ClaimsPrincipal user) =>
        user.Identity?.IsAuthenticated != true
            ? null
            : user.FindFirst("key_id")?.Value ?? user.FindFirst("sub")?.Value ?? user.Identity.Name ?? "unnamed";

    /// <summary>Counts one more open stream for <paramref name="caller"/>; false, counting nothing, if over.</summary>
    public bool TryOpen(string caller)
    {
        if (_open.AddOrUpdate(caller, 1, (_, open) => open + 1) <= Limit)
        {
            return true;
        }

        Close(caller);
        return false;
    }

    public void Close(string caller) => _open.AddOrUpdate(caller, 0, (_, open) => Math.Max(0, open - 1));
}
