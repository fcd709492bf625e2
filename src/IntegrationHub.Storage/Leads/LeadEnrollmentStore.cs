using IntegrationHub.Storage.Outbox;
using IntegrationHub.Storage.Sql;

namespace IntegrationHub.Storage.Leads;

/// <summary>A lead enrolled in a sequence: its CRM external id, its fields as JSON, its lifecycle status.</summary>
public sealed record LeadEnrollment(
    string EnrollmentId,
    string ExternalId,
    string Lead,
    string Status,
    DateTimeOffset UpdatedAt
);

/// <summary>
/// The leads the hub enrolled, keyed by the sequencer's enrolment id, so that sequencing events
/// move the right lead. A status change is a compare-and-set written in one transaction with
/// the CRM update it causes, so a repeated or concurrent event changes the status once and
/// sends the update once.
/// </summary>
public sealed class LeadEnrollmentStore(Database database, TimeProvider time, OutboxWake? wake = null)
{
    private const string Columns = "enrollment_id, external_id, lead, status, updated_at";

    /// <summary>Records an enrolment; a repeat keeps the first record.</summary>
    public async Task LinkAsync(
        string enrollmentId,
        string externalId,
        string lead,
        string status,
        CancellationToken cancellationToken
    )
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync(
            $"INSERT INTO lead_enrollments ({Columns}) VALUES (@id, @external, @lead, @status, @now) ON CONFLICT "
                + $"(enrollment_id) DO NOTHING",
            null,
            cancellationToken,
            ("id", enrollmentId),
            ("external", externalId),
            ("lead", lead),
            ("status", status),
            ("now", time.GetUtcNow().Millis())
        );
    }

    public async Task<LeadEnrollment?> GetAsync(string enrollmentId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return (
            await connection.QueryAsync(
                $"SELECT {Columns} FROM lead_enrollments WHERE enrollment_id = @id",
                null,
                r => new LeadEnrollment(
                    r.GetString(0),
                    r.GetString(1),
                    r.GetString(2),
                    r.GetString(3),
                    r.GetInt64(4).Time()
                ),
                cancellationToken,
                ("id", enrollmentId)
            )
        ).FirstOrDefault();
    }

    /// <summary>
    /// Moves the lead to <paramref name="to"/> if its status is one of <paramref name="from"/>, and
    /// enqueues <paramref name="effect"/> with the change; false when the lead is unknown or elsewhere.
    /// </summary>
    public async Task<bool> TryAdvanceAsync(
        string enrollmentId,
        IReadOnlyCollection<string> from,
        string to,
        Func<LeadEnrollment, NewEffect> effect,
        CancellationToken cancellationToken
    )
    {
        var advanced = await database.InTransactionAsync(
            async (connection, transaction) =>
            {
                var now = time.GetUtcNow();
                var current = (
                    await connection.QueryAsync(
                        $"SELECT {Columns} FROM lead_enrollments WHERE enrollment_id = @id{database.ForUpdate}",
                        transaction,
                        r => new LeadEnrollment(
                            r.GetString(0),
                            r.GetString(1),
                            r.GetString(2),
                            r.GetString(3),
                            r.GetInt64(4).Time()
                        ),
                        cancellationToken,
                        ("id", enrollmentId)
                    )
                ).FirstOrDefault();
                if (current is null || !from.Contains(current.Status))
                {
                    return false;
                }

                var changed = await connection.ExecuteAsync(
                    "UPDATE lead_enrollments SET status = @to, updated_at = @now WHERE enrollment_id = @id AND "
                        + "status = @from",
                    transaction,
                    cancellationToken,
                    ("to", to),
                    ("now", now.Millis()),
                    ("id", enrollmentId),
                    ("from", current.Status)
                );
                if (changed != 1)
                {
                    return false;
                }

                await OutboxStore.EnqueueAsync(
                    connection,
                    transaction,
                    null,
                    [effect(current with { Status = to })],
                    now,
                    cancellationToken
                );
                return true;
            },
            cancellationToken
        );
        if (advanced)
        {
            // The lifecycle's effect is due now: wake the dispatcher, as a decision's commit does.
            wake?.Signal();
        }

        return advanced;
    }
}
