namespace IntegrationHub.Storage.Policies;

/// <summary>How a policy version came to be published.</summary>
public static class PolicyVersionSources
{
    public const string File = "file";
    public const string Api = "api";
    public const string Rollback = "rollback";
}

/// <summary>One published routing policy. <see cref="PolicyJson"/> is empty when listed without it.</summary>
public sealed record StoredPolicyVersion(
    long Version,
    string PolicyJson,
    string ContentHash,
    string PublishedBy,
    DateTimeOffset PublishedAt,
    string Source,
    string Note,
    long? RestoredVersion,
    int RepCount,
    int PoolCount
);

/// <summary>What a publish asks to store.</summary>
public sealed record PolicyPublication(
    string PolicyJson,
    string ContentHash,
    string PublishedBy,
    string Source,
    string Note,
    long? RestoredVersion,
    int RepCount,
    int PoolCount
);

/// <summary>The version running after a publish; <see cref="Changed"/> is false when it equalled the newest.</summary>
public sealed record PublishOutcome(StoredPolicyVersion Version, bool Changed);
