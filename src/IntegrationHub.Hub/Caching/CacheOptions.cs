using System.ComponentModel.DataAnnotations;
using StackExchange.Redis;

namespace IntegrationHub.Hub.Caching;

/// <summary>How long vendor answers are reused, and where instances share them, bound from <c>Caching</c>.</summary>
public sealed class CacheOptions : IValidatableObject
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

    /// <summary>Entries kept per cache in each instance before the oldest are dropped.</summary>
    [Range(1, 10_000_000)]
    public int MaxEntries { get; set; } = 100_000;

    /// <summary>
    /// The Redis every instance shares (a StackExchange.Redis configuration string such as
    /// <c>redis:6379,password=…</c>): the second cache level, the backplane and the lock that lets one instance
    /// ask the vendor for a key while the others wait. Empty: each instance caches for itself.
    /// </summary>
    public string? Redis { get; set; }

    /// <summary>How long an instance waits for another to finish asking the vendor before asking itself.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan SharedLockTimeout { get; set; } = TimeSpan.FromSeconds(10);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (string.IsNullOrWhiteSpace(Redis))
        {
            yield break;
        }

        string? problem = null;
        try
        {
            ConfigurationOptions.Parse(Redis);
        }
        catch (ArgumentException ex)
        {
            problem = ex.Message;
        }

        if (problem is not null)
        {
            yield return new ValidationResult(
                $"Caching:Redis is not a Redis configuration string ({problem}).",
                [nameof(Redis)]
            );
        }
    }
}
