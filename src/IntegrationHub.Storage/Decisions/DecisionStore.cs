using System.Data.Common;
using IntegrationHub.Storage.Sql;

namespace IntegrationHub.Storage.Decisions;

/// <summary>A decision as stored: indexed columns plus its full explanation as JSON.</summary>
public sealed record StoredDecision(
    string Id,
    string Kind,
    string RequestId,
    DateTimeOffset CreatedAt,
    string? RepId,
    string? Rule,
    string Payload,
    string? RequestFingerprint = null
);

/// <summary>Whether <see cref="DecisionWriter"/> wrote the decision, or found the request already decided.</summary>
public sealed record RecordOutcome(bool Recorded, StoredDecision Decision);

/// <summary>
/// Which decisions to list; newest first unless <see cref="OldestFirst"/> (for replaying them in the order they were
/// made).
/// </summary>
public sealed record DecisionQuery(
    DateTimeOffset? From = null,
    DateTimeOffset? To = null,
    string? RepId = null,
    string? Rule = null,
    int PageSize = 100,
    string? PageToken = null,
    bool OldestFirst = false
);

public sealed record DecisionPage(IReadOnlyList<StoredDecision> Decisions, string? NextPageToken);

/// <summary>
/// Stored decisions, read back; <see cref="DecisionWriter"/> writes them with their side effects in one
/// transaction: a decision is never stored without its effects, nor an effect without its decision, and a request
/// id is decided once.
/// </summary>
public sealed class DecisionStore(Database database)
{
    internal const string Columns = "id, kind, request_id, created_at, rep_id, rule, payload, request_fingerprint";

    /// <summary>The insert of a new decision, in its batch's transaction (see <see cref="DecisionWriter"/>).</summary>
    internal static SqlStatement Insert(StoredDecision decision) =>
        new(
            $"INSERT INTO decisions ({Columns}) VALUES "
                + "(@id, @kind, @request, @at, @rep, @rule, @payload, @fingerprint)",
            ("id", decision.Id),
            ("kind", decision.Kind),
            ("request", decision.RequestId),
            ("at", decision.CreatedAt.Millis()),
            ("rep", decision.RepId),
            ("rule", decision.Rule),
            ("payload", decision.Payload),
            ("fingerprint", decision.RequestFingerprint)
        );

    public async Task<StoredDecision?> GetAsync(string id, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (
            await connection.QueryAsync(
                $"SELECT {Columns} FROM decisions WHERE id = @id",
                null,
                Read,
                cancellationToken,
                ("id", id)
            )
        ).FirstOrDefault();
    }

    public async Task<StoredDecision?> GetByRequestAsync(
        string kind,
        string requestId,
        CancellationToken cancellationToken
    )
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await FindAsync(connection, null, kind, requestId, cancellationToken);
    }

    /// <summary>One page in id order (ids sort by time); the page token is the last id of the previous page.</summary>
    public async Task<DecisionPage> ListAsync(DecisionQuery query, CancellationToken cancellationToken)
    {
        var size = Math.Clamp(query.PageSize, 1, 500);
        var (where, parameters) = Where(query);
        parameters.Add(("limit", size + 1));
        await using var connection = await database.OpenAsync(cancellationToken);
        var rows = await connection.QueryAsync(
            $"SELECT {Columns} FROM decisions{where} ORDER BY id {(query.OldestFirst ? "ASC" : "DESC")} LIMIT @limit",
            null,
            Read,
            cancellationToken,
            [.. parameters]
        );
        return new DecisionPage([.. rows.Take(size)], rows.Count > size ? rows[size - 1].Id : null);
    }

    /// <summary>How many decisions the query matches, over all its pages.</summary>
    public async Task<long> CountAsync(DecisionQuery query, CancellationToken cancellationToken)
    {
        var (where, parameters) = Where(query with { PageToken = null });
        await using var connection = await database.OpenAsync(cancellationToken);
        return (
            await connection.QueryAsync(
                $"SELECT COUNT(*) FROM decisions{where}",
                null,
                r => r.GetInt64(0),
                cancellationToken,
                [.. parameters]
            )
        )[0];
    }

    private static (string Where, List<(string, object?)> Parameters) Where(DecisionQuery query)
    {
        // Only the filters given become SQL, so no parameter is ever an untyped NULL.
        var filters = new List<string>();
        var parameters = new List<(string, object?)>();
        void Filter(string sql, string name, object? value)
        {
            if (value is not null)
            {
                filters.Add(sql);
                parameters.Add((name, value));
            }
        }

        Filter("created_at >= @from", "from", query.From?.Millis());
        Filter("created_at < @to", "to", query.To?.Millis());
        Filter("rep_id = @rep", "rep", query.RepId);
        Filter("rule = @rule", "rule", query.Rule);
        Filter(query.OldestFirst ? "id > @after" : "id < @after", "after", query.PageToken);
        return (filters.Count == 0 ? "" : " WHERE " + string.Join(" AND ", filters), parameters);
    }

    private static async Task<StoredDecision?> FindAsync(
        DbConnection connection,
        DbTransaction? transaction,
        string kind,
        string requestId,
        CancellationToken ct
    ) =>
        (
            await connection.QueryAsync(
                $"SELECT {Columns} FROM decisions WHERE kind = @kind AND request_id = @request",
                transaction,
                Read,
                ct,
                ("kind", kind),
                ("request", requestId)
            )
        ).FirstOrDefault();

    internal static StoredDecision Read(DbDataReader r) =>
        new(
            r.GetString(0),
            r.GetString(1),
            r.GetString(2),
            r.GetInt64(3).Time(),
            r.NullableString(4),
            r.NullableString(5),
            r.GetString(6),
            r.NullableString(7)
        );
}
