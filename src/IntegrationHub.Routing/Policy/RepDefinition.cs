using System.Text.Json.Serialization;

namespace IntegrationHub.Routing.Policy;

/// <summary>
/// A rep as the policy knows them. <see cref="Id"/> is the rep's CRM user id, so account
/// owners and BDR Assigned fields point straight at it; the sequencer's reps are matched by
/// email, and <see cref="CalendarUserId"/> names the rep on the calendar/video vendor.
/// </summary>
public sealed record RepDefinition
{
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required string Email { get; init; }
    public RoutingLevel RoutingLevel { get; init; } = RoutingLevel.Expert;
    public string? Region { get; init; }
    public IReadOnlyList<string> Languages { get; init; } = ["en"];
    public string TimeZone { get; init; } = "UTC";
    public WorkingHoursDefinition WorkingHours { get; init; } = new();
    public string? CalendarUserId { get; init; }

    /// <summary>The most work the rep takes per day or week, in their time zone; none when left out.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public WorkCaps? Caps { get; init; }
}

/// <summary>A rep's working day, in the rep's time zone.</summary>
public sealed record WorkingHoursDefinition
{
    public TimeOnly Start { get; init; } = new(9, 0);
    public TimeOnly End { get; init; } = new(17, 0);
    public IReadOnlyList<DayOfWeek> Days { get; init; } =
    [DayOfWeek.Monday, DayOfWeek.Tuesday, DayOfWeek.Wednesday, DayOfWeek.Thursday, DayOfWeek.Friday];
}
