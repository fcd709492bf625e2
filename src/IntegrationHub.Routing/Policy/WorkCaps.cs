namespace IntegrationHub.Routing.Policy;

/// <summary>
/// How much work a rep may be given per period, leads and chats counted apart; a limit left out does not apply.
/// Days and weeks are the rep's own (their <c>timeZone</c>): a day starts at the rep's midnight and a week on the
/// rep's Monday. On a rep the caps count all their work; on a pool they count, for each member, the work that pool's
/// round robin gave them. Only round robin respects a cap: a named owner (BDR Assigned, sequence owner) still gets
/// their visitor or lead, and it counts.
/// </summary>
public sealed record WorkCaps
{
    public int? LeadsPerDay { get; init; }
    public int? LeadsPerWeek { get; init; }
    public int? ChatsPerDay { get; init; }
    public int? ChatsPerWeek { get; init; }

    /// <summary>The limit for one kind of work over one period, if any.</summary>
    public int? Limit(WorkChannel channel, WorkPeriod period) =>
        (channel, period) switch
        {
            (WorkChannel.Lead, WorkPeriod.Day) => LeadsPerDay,
            (WorkChannel.Lead, WorkPeriod.Week) => LeadsPerWeek,
            (WorkChannel.Chat, WorkPeriod.Day) => ChatsPerDay,
            _ => ChatsPerWeek,
        };
}

/// <summary>The two kinds of work caps count apart.</summary>
public enum WorkChannel
{
    Lead,
    Chat,
}

/// <summary>The periods caps count over, in the rep's time zone.</summary>
public enum WorkPeriod
{
    Day,
    Week,
}
