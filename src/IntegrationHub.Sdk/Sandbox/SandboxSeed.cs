using System.Text.Json;
using System.Text.Json.Serialization;
using IntegrationHub.Sdk.Capabilities.Crm;
using IntegrationHub.Sdk.Capabilities.Enrichment;
using IntegrationHub.Sdk.Capabilities.Marketing;
using IntegrationHub.Sdk.Capabilities.Sequencing;

namespace IntegrationHub.Sdk.Sandbox;

/// <summary>
/// The demo data every vendor fake is seeded from in sandbox mode: one JSON file (camelCase,
/// enums as strings), each fake reading its own part. Times in the file are written as if
/// "now" were <see cref="Anchor"/>; <see cref="Shift"/> moves them to the real now so "20
/// days ago" stays 20 days ago whenever the sandbox starts.
/// </summary>
public sealed record SandboxSeed
{
    public static JsonSerializerOptions JsonOptions { get; } =
        new(JsonSerializerDefaults.Web)
        {
            Converters = { new JsonStringEnumConverter() },
            ReadCommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,
        };

    /// <summary>The instant the file's times are relative to; null leaves them as written.</summary>
    public DateTimeOffset? Anchor { get; init; }

    /// <summary>Reverse-IP data: IP ranges (CIDR) and the company they resolve to.</summary>
    public IReadOnlyList<SeedCompany> Companies { get; init; } = [];

    public IReadOnlyList<Account> Accounts { get; init; } = [];

    public IReadOnlyList<CrmUser> Users { get; init; } = [];

    public IReadOnlyList<Person> People { get; init; } = [];

    public IReadOnlyList<Activity> Activities { get; init; } = [];

    public IReadOnlyList<SequencingRep> SequencingReps { get; init; } = [];

    public IReadOnlyList<Prospect> Prospects { get; init; } = [];

    public IReadOnlyList<SeedClickThrough> ClickThroughs { get; init; } = [];

    public IReadOnlyList<MarketingProgram> Programs { get; init; } = [];

    public IReadOnlyList<PersonEngagement> Engagements { get; init; } = [];

    public IReadOnlyList<SeedCalendar> Calendars { get; init; } = [];

    public static SandboxSeed Load(string path)
    {
        using var stream = File.OpenRead(path);
        return JsonSerializer.Deserialize<SandboxSeed>(stream, JsonOptions)
            ?? throw new InvalidDataException($"Seed file '{path}' is empty.");
    }

    /// <summary>
    /// Moves a time written relative to <see cref="Anchor"/> to the same distance from <paramref name="now"/>.
    /// </summary>
    public DateTimeOffset Shift(DateTimeOffset value, DateTimeOffset now) =>
        Anchor is { } anchor ? value + (now - anchor) : value;

    /// <inheritdoc cref="Shift(DateTimeOffset, DateTimeOffset)"/>
    public DateTimeOffset? Shift(DateTimeOffset? value, DateTimeOffset now) => value is { } v ? Shift(v, now) : null;
}

/// <summary>A company and the IP ranges that resolve to it.</summary>
public sealed record SeedCompany(IReadOnlyList<string> IpRanges, CompanyIdentification Identification);

/// <summary>A tracked link click from a sequence email.</summary>
public sealed record SeedClickThrough(
    string Token,
    string ProspectId,
    string SequenceId,
    string OwnerRepId,
    DateTimeOffset? ClickedAt
);

/// <summary>A rep's video/calendar user and the meetings already on it.</summary>
public sealed record SeedCalendar(string UserId, string Email, IReadOnlyList<SeedMeeting> Meetings);

public sealed record SeedMeeting(string Topic, DateTimeOffset Start, int DurationMinutes);
