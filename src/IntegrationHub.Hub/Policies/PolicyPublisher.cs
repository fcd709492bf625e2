using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using IntegrationHub.Hub.Decisions;
using IntegrationHub.Routing.Policy;
using IntegrationHub.Storage.Events;
using IntegrationHub.Storage.Policies;

namespace IntegrationHub.Hub.Policies;

/// <summary>
/// Publishes a routing policy: stores it as the next version, runs it here at once, and tells every other instance
/// (over the event bus: LISTEN/NOTIFY on PostgreSQL) to load it. A policy equal to the newest version publishes
/// nothing. Validation happened before: only a parsed <see cref="RoutingPolicy"/> can be published.
/// </summary>
public sealed class PolicyPublisher(PolicyVersionStore store, PolicyProvider provider, IHubEventBus events)
{
    /// <summary>The event bus channel a new version is announced on; the payload is its number.</summary>
    public const string Channel = "policy_published";

    public async Task<PublishOutcome> PublishAsync(
        RoutingPolicy policy,
        string publishedBy,
        string source,
        string note,
        long? restoredVersion,
        CancellationToken cancellationToken
    )
    {
        var json = PolicyFile.Serialize(policy);
        var outcome = await store.PublishAsync(
            new PolicyPublication(
                json,
                ContentHash(json),
                publishedBy,
                source,
                note,
                restoredVersion,
                policy.Reps.Count,
                policy.Pools.Count
            ),
            cancellationToken
        );
        await AdoptAsync(outcome.Version, cancellationToken);
        if (outcome.Changed)
        {
            await events.PublishAsync(
                Channel,
                outcome.Version.Version.ToString(CultureInfo.InvariantCulture),
                cancellationToken
            );
        }

        return outcome;
    }

    /// <summary>Publishes the file's policy unless the newest version published from the file already is it.</summary>
    public async Task PublishFileAsync(RoutingPolicy fromFile, CancellationToken cancellationToken)
    {
        var json = PolicyFile.Serialize(fromFile);
        var lastFromFile = await store.LatestFromFileAsync(cancellationToken);
        if (lastFromFile?.ContentHash != ContentHash(json))
        {
            await PublishAsync(
                fromFile,
                "file:" + provider.FilePath,
                PolicyVersionSources.File,
                "",
                null,
                cancellationToken
            );
        }
    }

    /// <summary>
    /// Runs the newest stored version here if it is newer than the running one, reading its JSON only then.
    /// </summary>
    public async Task AdoptNewestAsync(CancellationToken cancellationToken)
    {
        if (await store.LatestAsync(cancellationToken) is { } newest)
        {
            await AdoptAsync(newest, cancellationToken);
        }
    }

    private async Task AdoptAsync(StoredPolicyVersion version, CancellationToken cancellationToken)
    {
        if (version.Version <= provider.Current.Version)
        {
            return;
        }

        var json =
            version.PolicyJson.Length > 0
                ? version.PolicyJson
                : (await store.GetAsync(version.Version, cancellationToken))!.PolicyJson;
        provider.Adopt(PolicyFile.Parse(json, $"version {version.Version}") with { Version = version.Version });
    }

    /// <summary>A hash of the policy's canonical JSON, so a publish of the same rules is recognised.</summary>
    public static string ContentHash(string canonicalJson) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalJson)));
}
