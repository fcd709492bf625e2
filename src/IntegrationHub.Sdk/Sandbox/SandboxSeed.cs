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
/// "now" were <see cref="Anchor"/>; <see cref="Shift(DateTimeOffset, DateTimeOffset)"/> moves them to the real now so
/// "20
/// days ago" stays 20 days ago whenever the sandbox starts.
/// </summary>
public sealed record SandboxSeed
{
    /// <summary>How the seed file is read: camelCase, enums as strings, comments and trailing commas allowed.</summary>
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

    /// <summary>CRM accounts.</summary>
    public IReadOnlyList<Account> Accounts { get; init; } = [];

    /// <summary>CRM users: reps, managers, queues.</summary>
    public IReadOnlyList<CrmUser> Users { get; init; } = [];

    /// <summary>CRM leads and contacts.</summary>
    public IReadOnlyList<Person> People { get; init; } = [];

    /// <summary>CRM activity on accounts and people.</summary>
    public IReadOnlyList<Activity> Activities { get; init; } = [];

    /// <summary>Sequencer users.</summary>
    public IReadOnlyList<SequencingRep> SequencingReps { get; init; } = [];

    /// <summary>Sequencer prospects with their sequence states.</summary>
    public IReadOnlyList<Prospect> Prospects { get; init; } = [];

    /// <summary>Click-through tokens from sequence emails.</summary>
    public IReadOnlyList<SeedClickThrough> ClickThroughs { get; init; } = [];

    /// <summary>Marketing programs.</summary>
    public IReadOnlyList<MarketingProgram> Programs { get; init; } = [];

    /// <summary>Marketing engagement per person.</summary>
    public IReadOnlyList<PersonEngagement> Engagements { get; init; } = [];

    /// <summary>Reps' calendars with their meetings.</summary>
    public IReadOnlyList<SeedCalendar> Calendars { get; init; } = [];

    /// <summary>Reads a seed file.</summary>
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

    /// <summary>
    /// Moves a date written relative to <see cref="Anchor"/> by whole days, so an all-day event (a holiday) stays on
    /// whole dates: the same number of days from <paramref name="now"/>'s date as from the anchor's.
    /// </summary>
    public DateOnly ShiftDate(DateOnly value, DateTimeOffset now) =>
        Anchor is { } anchor
            ? value.AddDays(
                DateOnly.FromDateTime(now.UtcDateTime).DayNumber - DateOnly.FromDateTime(anchor.UtcDateTime).DayNumber
            )
            : value;

    /// <inheritdoc cref="Shift(DateTimeOffset, DateTimeOffset)"/>
    public DateTimeOffset? Shift(DateTimeOffset? value, DateTimeOffset now) => value is { } v ? Shift(v, now) : null;
}

/// <summary>A company and the IP ranges that resolve to it.</summary>
/// <param name="IpRanges">CIDR ranges ("203.0.113.0/24").</param>
/// <param name="Identification">What reverse-IP lookup answers for them.</param>
public sealed record SeedCompany(IReadOnlyList<string> IpRanges, CompanyIdentification Identification);

/// <summary>A tracked link click from a sequence email.</summary>
/// <param name="Token">The token in the link.</param>
/// <param name="ProspectId">The prospect the email went to.</param>
/// <param name="SequenceId">The sequence that sent it.</param>
/// <param name="OwnerRepId">The sequencer user who owns the sequence.</param>
/// <param name="ClickedAt">When the link was clicked.</param>
public sealed record SeedClickThrough(
    string Token,
    string ProspectId,
    string SequenceId,
    string OwnerRepId,
    DateTimeOffset? ClickedAt
);

/// <summary>A rep's video/calendar user and the meetings already on it.</summary>
/// <param name="UserId">The user's id at the vendor.</param>
/// <param name="Email">The user's email.</param>
/// <param name="Meetings">Meetings already booked.</param>
public sealed record SeedCalendar(string UserId, string Email, IReadOnlyList<SeedMeeting> Meetings)
{
    /// <summary>Out-of-office spells, public holidays and other events that are not booked meetings.</summary>
    public IReadOnlyList<SeedCalendarEvent> Events { get; init; } = [];
}

/// <summary>An event on a seeded calendar that is not a meeting (an out-of-office, a public holiday).</summary>
/// <param name="EventType">The vendor's event type (Zoom: <c>outOfOffice</c>, <c>holiday</c>, <c>default</c>).</param>
/// <param name="Summary">Its title.</param>
/// <param name="Start">When it starts (shifted like every seed time; an all-day event by whole days).</param>
/// <param name="End">When it ends (an all-day event: the day after its last day).</param>
/// <param name="AllDay">A whole-day event (a holiday), kept on whole dates when shifted.</param>
public sealed record SeedCalendarEvent(
    string EventType,
    string Summary,
    DateTimeOffset Start,
    DateTimeOffset End,
    bool AllDay = false
);

/// <summary>A meeting already on a seeded calendar.</summary>
/// <param name="Topic">Its title.</param>
/// <param name="Start">When it starts (shifted like every seed time).</param>
/// <param name="DurationMinutes">How long it lasts.</param>
public sealed record SeedMeeting(string Topic, DateTimeOffset Start, int DurationMinutes);
