using System.ComponentModel.DataAnnotations;

namespace IntegrationHub.Hub.Caching;

/// <summary>How long vendor answers are reused, bound from <c>Caching</c>.</summary>
public sealed class CacheOptions
{
    public const string Section = "Caching";

    /// <summary>A company identified from an IP.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "7.00:00:00")]
    public TimeSpan EnrichmentLifetime { get; set; } = TimeSpan.FromHours(6);

    /// <summary>An IP with no company match: shorter, since vendors learn new ranges.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "7.00:00:00")]
    public TimeSpan EnrichmentNoMatchLifetime { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>A CRM account found by domain: short, since BDR fields change during the day.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan CrmAccountLifetime { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>A domain with no CRM account.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00")]
    public TimeSpan CrmAccountNotFoundLifetime { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Entries kept per cache before the oldest are dropped.</summary>
    [Range(1, 10_000_000)]
    public int MaxEntries { get; set; } = 100_000;
}
