using System.Data.Common;
using IntegrationHub.Storage.Sql;

namespace IntegrationHub.Storage.Policies;

/// <summary>
/// Every published routing policy, shared by every instance. Versions count up from 1; the newest is the running
/// one. Two instances publishing at once both read the same newest version and race for the next number: the
/// primary key lets one win and the other tries again on top of it.
/// </summary>
public sealed class PolicyVersionStore(Database database, TimeProvider time)
{
    private const string Listed =
        "version, '' AS policy_json, content_hash, published_by, published_at, source, note, restored_version, "
        + "rep_count, pool_count";
    private const string Whole =
        "version, policy_json, content_hash, published_by, published_at, source, note, restored_version, "
        + "rep_count, pool_count";
    private const int Attempts = 5;

    /// <summary>Stores the policy as the next version, unless it equals the newest one.</summary>
    public async Task<PublishOutcome> PublishAsync(PolicyPublication publication, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await database.InTransactionAsync(
                    (connection, transaction) => PublishAsync(connection, transaction, publication, cancellationToken),
                    cancellationToken
                );
            }
            catch (DbException) when (attempt < Attempts)
            {
                // Another instance took the number; the next attempt sees its version as the newest.
            }
        }
    }

    /// <summary>
    /// The newest version without its policy JSON: every instance asks this every refresh interval, and
    /// only the one that finds a newer version needs the document (<see cref="GetAsync"/>).
    /// </summary>
    public async Task<StoredPolicyVersion?> LatestAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await LatestAsync(connection, null, $"SELECT {Listed} FROM policy_versions", cancellationToken);
    }

    /// <summary>The newest version published from the policy file, to tell whether the file changed since.</summary>
    public async Task<StoredPolicyVersion?> LatestFromFileAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await LatestAsync(
            connection,
            null,
            $"SELECT {Listed} FROM policy_versions WHERE source = '{PolicyVersionSources.File}'",
            cancellationToken
        );
    }

    public async Task<StoredPolicyVersion?> GetAsync(long version, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (
            await connection.QueryAsync(
                $"SELECT {Whole} FROM policy_versions WHERE version = @v",
                null,
                Read,
                cancellationToken,
                ("v", version)
            )
        ).FirstOrDefault();
    }

    /// <summary>Up to <paramref name="count"/> versions older than <paramref name="before"/>, newest first.</summary>
    public async Task<IReadOnlyList<StoredPolicyVersion>> ListAsync(
        int count,
        long before,
        CancellationToken cancellationToken
    )
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QueryAsync(
            $"SELECT {Listed} FROM policy_versions WHERE version < @before ORDER BY version DESC LIMIT @count",
            null,
            Read,
            cancellationToken,
            ("before", before),
            ("count", count)
        );
    }

    private async Task<PublishOutcome> PublishAsync(
        DbConnection connection,
        DbTransaction transaction,
        PolicyPublication publication,
        CancellationToken cancellationToken
    )
    {
        var newest = await LatestAsync(
            connection,
            transaction,
            $"SELECT {Listed} FROM policy_versions",
            cancellationToken
        );
        if (newest is not null && newest.ContentHash == publication.ContentHash)
        {
            return new PublishOutcome(newest, false);
        }

        var stored = new StoredPolicyVersion(
            (newest?.Version ?? 0) + 1,
            publication.PolicyJson,
            publication.ContentHash,
            publication.PublishedBy,
            time.GetUtcNow(),
            publication.Source,
            publication.Note,
            publication.RestoredVersion,
            publication.RepCount,
            publication.PoolCount
        );
        await connection.ExecuteAsync(
            $"INSERT INTO policy_versions ({Whole}) "
                + "VALUES (@v, @json, @hash, @by, @at, @source, @note, @restored, @reps, @pools)",
            transaction,
            cancellationToken,
            ("v", stored.Version),
            ("json", stored.PolicyJson),
            ("hash", stored.ContentHash),
            ("by", stored.PublishedBy),
            ("at", stored.PublishedAt.Millis()),
            ("source", stored.Source),
            ("note", stored.Note),
            ("restored", stored.RestoredVersion),
            ("reps", stored.RepCount),
            ("pools", stored.PoolCount)
        );
        return new PublishOutcome(stored, true);
    }

    private static async Task<StoredPolicyVersion?> LatestAsync(
        DbConnection connection,
        DbTransaction? transaction,
        string select,
        CancellationToken cancellationToken
    ) =>
        (
            await connection.QueryAsync(select + " ORDER BY version DESC LIMIT 1", transaction, Read, cancellationToken)
        ).FirstOrDefault();

    private static StoredPolicyVersion Read(DbDataReader r) =>
        new(
            r.GetInt64(0),
            r.GetString(1),
            r.GetString(2),
            r.GetString(3),
            r.GetInt64(4).Time(),
            r.GetString(5),
            r.GetString(6),
            r.NullableLong(7),
            r.GetInt32(8),
            r.GetInt32(9)
        );
}
