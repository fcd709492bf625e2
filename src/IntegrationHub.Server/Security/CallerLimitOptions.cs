using System.ComponentModel.DataAnnotations;

namespace IntegrationHub.Server.Security;

/// <summary>What one caller (one API key or token subject) may use, bound from <c>Limits</c>.</summary>
public sealed class CallerLimitOptions
{
    public const string Section = "Limits";

    /// <summary>Sustained calls per second per caller.</summary>
    [Range(1, 1_000_000)]
    public int RequestsPerSecond { get; set; } = 200;

    /// <summary>Calls a caller may make at once above the sustained rate.</summary>
    [Range(1, 1_000_000)]
    public int Burst { get; set; } = 400;

    /// <summary>Server streams (alert and conversation watches) one caller may hold open.</summary>
    [Range(1, 100_000)]
    public int StreamsPerCaller { get; set; } = 50;
}
