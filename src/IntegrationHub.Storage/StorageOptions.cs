using System.ComponentModel.DataAnnotations;

namespace IntegrationHub.Storage;

public enum StorageProvider
{
    Sqlite,
    PostgreSql,
}

/// <summary>Where the hub keeps its state, bound from <c>Storage</c>.</summary>
public sealed class StorageOptions : IValidatableObject
{
    public const string Section = "Storage";

    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    public SqliteStorageOptions Sqlite { get; set; } = new();

    public PostgreSqlStorageOptions PostgreSql { get; set; } = new();

    public OutboxOptions Outbox { get; set; } = new();

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Provider == StorageProvider.Sqlite && string.IsNullOrWhiteSpace(Sqlite.Path))
        {
            yield return new ValidationResult(
                "Storage:Sqlite:Path is required when Storage:Provider is Sqlite.",
                ["Sqlite.Path"]
            );
        }

        if (Provider == StorageProvider.PostgreSql && string.IsNullOrWhiteSpace(PostgreSql.ConnectionString))
        {
            yield return new ValidationResult(
                "Storage:PostgreSql:ConnectionString is required when Storage:Provider is PostgreSql.",
                ["PostgreSql.ConnectionString"]
            );
        }

        foreach (var problem in Outbox.Validate(validationContext))
        {
            yield return problem;
        }
    }
}

public sealed class SqliteStorageOptions
{
    /// <summary>The database file; relative paths are relative to the working directory.</summary>
    public string Path { get; set; } = "integrationhub.db";
}

public sealed class PostgreSqlStorageOptions
{
    public string? ConnectionString { get; set; }
}

/// <summary>How side effects are delivered, bound from <c>Storage:Outbox</c>.</summary>
public sealed class OutboxOptions : IValidatableObject
{
    /// <summary>Deliveries tried before an effect goes to the dead-letter list.</summary>
    public int MaxAttempts { get; set; } = 16;

    /// <summary>
    /// How long a claimed effect is reserved for one dispatcher; if it dies, another takes over after this.
    /// </summary>
    public TimeSpan Lease { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How many effects one dispatcher delivers at once (and claims at most in one round).</summary>
    public int BatchSize { get; set; } = 20;

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The first retry delay; later ones double, with jitter, up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan BaseBackoff { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxBackoff { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>On shutdown, how long in-flight deliveries may finish before their leases are released.</summary>
    public TimeSpan ShutdownGrace { get; set; } = TimeSpan.FromSeconds(10);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (MaxAttempts is < 1 or > 100)
        {
            yield return new ValidationResult("Storage:Outbox:MaxAttempts must be between 1 and 100.");
        }

        if (
            Lease < TimeSpan.FromMilliseconds(100)
            || BatchSize is < 1 or > 1000
            || PollInterval < TimeSpan.FromMilliseconds(10)
        )
        {
            yield return new ValidationResult(
                "Storage:Outbox: Lease must be at least 100 ms, BatchSize 1 to 1000, PollInterval at least 10 ms."
            );
        }

        if (BaseBackoff <= TimeSpan.Zero || MaxBackoff < BaseBackoff)
        {
            yield return new ValidationResult(
                "Storage:Outbox: BaseBackoff must be positive and MaxBackoff at least BaseBackoff."
            );
        }
    }
}
