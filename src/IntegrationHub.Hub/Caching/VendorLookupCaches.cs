using IntegrationHub.Sdk.Capabilities.Crm;
using IntegrationHub.Sdk.Capabilities.Enrichment;
using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.Caching.StackExchangeRedis;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;
using ZiggyCreatures.Caching.Fusion;
using ZiggyCreatures.Caching.Fusion.Backplane.StackExchangeRedis;
using ZiggyCreatures.Caching.Fusion.Locking.Distributed.Redis;
using ZiggyCreatures.Caching.Fusion.Serialization.SystemTextJson;

namespace IntegrationHub.Hub.Caching;

/// <summary>
/// The two look-up caches the hub keeps around its vendors: companies by IP and CRM accounts by domain. Each is
/// a FusionCache with its own first level (at most <see cref="CacheOptions.MaxEntries"/> entries); with
/// <see cref="CacheOptions.Redis"/> set, also the shared second level, backplane and per-key lock.
/// </summary>
public sealed class VendorLookupCaches : IDisposable
{
    private readonly List<IDisposable> _owned = [];

    public VendorLookupCaches(
        CacheOptions options,
        TimeProvider time,
        SharedCacheConnection? shared = null,
        ILoggerFactory? loggers = null
    )
    {
        loggers ??= NullLoggerFactory.Instance;
        Enrichment = new("enrichment_by_ip", Build("enrichment_by_ip", options, shared, loggers), time);
        CrmAccounts = new("crm_account_by_domain", Build("crm_account_by_domain", options, shared, loggers), time);
    }

    public LookupCache<CompanyIdentification> Enrichment { get; }

    public LookupCache<Account?> CrmAccounts { get; }

    public void Dispose()
    {
        foreach (var owned in _owned)
        {
            owned.Dispose();
        }
    }

    private FusionCache Build(string name, CacheOptions options, SharedCacheConnection? shared, ILoggerFactory loggers)
    {
        var memory = new MemoryCache(new MemoryCacheOptions { SizeLimit = options.MaxEntries });
        var cache = new FusionCache(
            new FusionCacheOptions
            {
                CacheName = name,
                CacheKeyPrefix = $"integrationhub:{name}:",
                DefaultEntryOptions = new FusionCacheEntryOptions
                {
                    Size = 1,
                    DistributedLockTimeout = options.SharedLockTimeout,
                },
                // Redis away: skip it for a while instead of failing every look-up against it.
                DistributedCacheCircuitBreakerDuration = TimeSpan.FromSeconds(5),
                BackplaneCircuitBreakerDuration = TimeSpan.FromSeconds(5),
                // SharedCacheConnection says once that Redis is away; the library would say it on every look-up.
                DistributedCacheErrorsLogLevel = LogLevel.Debug,
                BackplaneErrorsLogLevel = LogLevel.Debug,
                DistributedLockerErrorsLogLevel = LogLevel.Debug,
                // The cached records hold no value tuples, which is what this start-up check warns about.
                SerializationConfigIssuesLogLevel = LogLevel.Debug,
                // Tags are not used: no look-ups of tag entries in the shared level.
                DisableTagging = true,
            },
            memory,
            loggers.CreateLogger<FusionCache>()
        );
        _owned.Add(cache);
        _owned.Add(memory);
        if (shared is null)
        {
            return cache;
        }

        Task<IConnectionMultiplexer> Connection() => Task.FromResult(shared.Multiplexer);
        var level2 = new RedisCache(new RedisCacheOptions { ConnectionMultiplexerFactory = Connection });
        _owned.Add(level2);
        cache.SetupDistributedCache(level2, new FusionCacheSystemTextJsonSerializer());
        cache.SetupBackplane(
            new RedisBackplane(
                new RedisBackplaneOptions { ConnectionMultiplexerFactory = Connection },
                loggers.CreateLogger<RedisBackplane>()
            )
        );
        var locker = new RedisDistributedLocker(
            new RedisDistributedLockerOptions { ConnectionMultiplexerFactory = Connection },
            loggers.CreateLogger<RedisDistributedLocker>()
        );
        _owned.Add(locker);
        cache.SetupDistributedLocker(locker);
        return cache;
    }
}
