using IntegrationHub.Storage.Sql;

namespace IntegrationHub.Storage.Assignment;

/// <summary>The work counts as they stand, read outside any decision: for the dashboard and for simulations.</summary>
public sealed class WorkCountStore(Database database)
{
    /// <summary>Every counter of a period that began at or after <paramref name="since"/>.</summary>
    public async Task<IReadOnlyList<WorkCount>> SinceAsync(DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.QueryAsync(
            "SELECT subject, channel, period, period_start, taken FROM work_counts WHERE period_start >= @since",
            null,
            r => new WorkCount(r.GetString(0), r.GetString(1), r.GetString(2), r.GetInt64(3).Time(), r.GetInt64(4)),
            cancellationToken,
            ("since", since.Millis())
        );
    }
}
