using System.Data.Common;
using IntegrationHub.Bench.Load;
using IntegrationHub.Storage.Sql;

namespace IntegrationHub.Bench.Figures;

/// <summary>
/// Figure 1's durable ceiling: what the same store does in this process with nothing else in the way, so a reader
/// sees how far RouteVisitor is from it. One-row transactions per second at the RouteVisitor concurrency (what a
/// hub writing each decision in its own transaction could reach at best), and rows per second when one writer
/// commits them in batches (what group commit can reach at best), on a scratch table of a fresh database.
/// </summary>
public static class DurableCeiling
{
    /// <summary>Rows per transaction in the batched phase: about what a loaded hub's decision batches hold.</summary>
    public const int BatchRows = 100;

    public sealed record Result(double TransactionsPerSecond, double RowsPerSecondInBatches, int Errors);

    public static async Task<Result> MeasureAsync(Database database, BenchSettings settings)
    {
        await using (var connection = await database.OpenAsync(CancellationToken.None))
        {
            await using var create = connection.CreateCommand();
            create.CommandText = "CREATE TABLE bench_ceiling (id TEXT PRIMARY KEY, payload TEXT NOT NULL)";
            await create.ExecuteNonQueryAsync();
        }

        var payload = new string('x', 400);
        var oneRow = await ClosedLoop.RunAsync(settings.Concurrency, settings.Phase, (_, ct) =>
            database.InTransactionAsync((c, t) => InsertAsync(c, t, 1, payload, ct), ct)
        );
        var batched = await ClosedLoop.RunAsync(1, settings.Phase, (_, ct) =>
            database.InTransactionAsync((c, t) => InsertAsync(c, t, BatchRows, payload, ct), ct)
        );
        return new Result(oneRow.PerSecond, batched.PerSecond * BatchRows, oneRow.Errors + batched.Errors);
    }

    /// <summary>One statement inserting <paramref name="rows"/> rows: a single round trip on PostgreSQL.</summary>
    private static async Task<int> InsertAsync(
        DbConnection connection,
        DbTransaction transaction,
        int rows,
        string payload,
        CancellationToken ct
    )
    {
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        var values = new List<string>(rows);
        for (var i = 0; i < rows; i++)
        {
            values.Add($"(@id{i}, @payload)");
            var id = command.CreateParameter();
            id.ParameterName = $"id{i}";
            id.Value = Guid.NewGuid().ToString("N");
            command.Parameters.Add(id);
        }

        var text = command.CreateParameter();
        text.ParameterName = "payload";
        text.Value = payload;
        command.Parameters.Add(text);
        command.CommandText = $"INSERT INTO bench_ceiling (id, payload) VALUES {string.Join(", ", values)}";
        return await command.ExecuteNonQueryAsync(ct);
    }
}
