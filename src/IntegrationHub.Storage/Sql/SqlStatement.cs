using System.Data.Common;

namespace IntegrationHub.Storage.Sql;

/// <summary>One statement with its parameters, to run alone or with others in one batch.</summary>
internal sealed record SqlStatement(string Sql, params (string Name, object? Value)[] Parameters)
{
    /// <summary>
    /// Runs <paramref name="statements"/> in the transaction: as one <see cref="DbBatch"/> where the provider has
    /// batches (PostgreSQL: one round trip for all of them), else one after the other (SQLite runs in process, so
    /// there is no round trip to save). Returns the rows each statement affected.
    /// </summary>
    public static async Task<int[]> ExecuteAllAsync(
        DbConnection connection,
        DbTransaction transaction,
        IReadOnlyList<SqlStatement> statements,
        CancellationToken ct
    )
    {
        var affected = new int[statements.Count];
        if (statements.Count == 0)
        {
            return affected;
        }

        if (!connection.CanCreateBatch)
        {
            for (var i = 0; i < statements.Count; i++)
            {
                affected[i] = await connection.ExecuteAsync(
                    statements[i].Sql,
                    transaction,
                    ct,
                    statements[i].Parameters
                );
            }

            return affected;
        }

        await using var batch = connection.CreateBatch();
        batch.Transaction = transaction;
        foreach (var statement in statements)
        {
            var command = batch.CreateBatchCommand();
            command.CommandText = statement.Sql;
            foreach (var (name, value) in statement.Parameters)
            {
                var parameter = command.CreateParameter();
                parameter.ParameterName = name;
                parameter.Value = value ?? DBNull.Value;
                command.Parameters.Add(parameter);
            }

            batch.BatchCommands.Add(command);
        }

        await batch.ExecuteNonQueryAsync(ct);
        for (var i = 0; i < statements.Count; i++)
        {
            affected[i] = batch.BatchCommands[i].RecordsAffected;
        }

        return affected;
    }
}
