using StackExchange.Redis;

namespace IntegrationHub.Hub.Caching;

/// <summary>
/// The one connection to the shared Redis, used by the second cache level, the backplane and the lock. It never
/// stops the hub: started unreachable, it keeps trying in the background, and while Redis is away every command
/// fails at once (no queue waiting for a timeout), so look-ups fall back to this instance's cache and the vendor.
/// </summary>
public sealed partial class SharedCacheConnection : IDisposable
{
    private readonly ILogger<SharedCacheConnection> _logger;

    public SharedCacheConnection(CacheOptions options, ILogger<SharedCacheConnection> logger)
    {
        _logger = logger;
        var configuration = ConfigurationOptions.Parse(options.Redis!);
        configuration.AbortOnConnectFail = false;
        // Fail fast while disconnected: a decision must not wait seconds on a cache that is not there.
        configuration.BacklogPolicy = BacklogPolicy.FailFast;
        configuration.ConnectTimeout = Math.Min(configuration.ConnectTimeout, 2000);
        configuration.AsyncTimeout = Math.Min(configuration.AsyncTimeout, 1000);
        configuration.SyncTimeout = Math.Min(configuration.SyncTimeout, 1000);
        configuration.ClientName ??= "integrationhub";
        Multiplexer = ConnectionMultiplexer.Connect(configuration);
        Multiplexer.ConnectionFailed += (_, e) =>
        {
            if (e.ConnectionType == ConnectionType.Interactive)
            {
                Unreachable(_logger, e.FailureType.ToString());
            }
        };
        Multiplexer.ConnectionRestored += (_, e) =>
        {
            if (e.ConnectionType == ConnectionType.Interactive)
            {
                Restored(_logger);
            }
        };
        if (!Multiplexer.IsConnected)
        {
            Unreachable(_logger, "not reachable at start");
        }
    }

    public IConnectionMultiplexer Multiplexer { get; }

    public void Dispose() => Multiplexer.Dispose();

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "The shared cache (Caching:Redis) is unreachable ({Reason}): look-ups use this instance's cache, "
            + "and each instance asks the vendor itself until it is back; routing goes on"
    )]
    private static partial void Unreachable(ILogger logger, string reason);

    [LoggerMessage(
        Level = LogLevel.Information,
        Message = "The shared cache (Caching:Redis) is reachable again: instances share vendor look-ups"
    )]
    private static partial void Restored(ILogger logger);
}
