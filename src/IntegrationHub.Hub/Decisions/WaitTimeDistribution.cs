using System.Globalization;
using IntegrationHub.Hub.Conversations;

namespace IntegrationHub.Hub.Decisions;

/// <summary>
/// The sessions whose wait for a rep fell in [MinSeconds, MaxSeconds); no MaxSeconds for the last range.
/// </summary>
public sealed record WaitTimeCount(int MinSeconds, int? MaxSeconds, long Sessions, long WithConversation);

/// <summary>
/// How long visitors waited for a rep, in fixed ranges a manager reads at a glance against the 30-second chat SLA
/// (DOMAIN.md): the ranges do not move with the data, so two days can be compared.
/// </summary>
public sealed class WaitTimeDistribution
{
    private static readonly int[] Starts = [0, 5, 10, 20, 30, 60];
    private readonly long[] _sessions = new long[Starts.Length];
    private readonly long[] _talked = new long[Starts.Length];

    /// <summary>
    /// The wait began when the visitor was routed and ends when the offer was answered (accepted or declined) or
    /// expired; a visitor still waiting counts with the wait so far. A later change of the conversation (a meeting
    /// booked after the offer was declined) does not lengthen it.
    /// </summary>
    public static TimeSpan WaitOf(Conversation conversation, DateTimeOffset routedAt, DateTimeOffset now)
    {
        var end =
            conversation.State == ConversationState.Offered
                ? now
                : conversation.OfferAnsweredAt ?? conversation.UpdatedAt;
        if (conversation.OfferExpiresAt is { } expiry && expiry < end)
        {
            end = expiry;
        }

        return end > routedAt ? end - routedAt : TimeSpan.Zero;
    }

    /// <summary>The range a wait falls in, named by its first second (the dimension of its counter).</summary>
    public static string RangeOf(TimeSpan wait) =>
        Starts[Array.FindLastIndex(Starts, start => wait.TotalSeconds >= start)].ToString(CultureInfo.InvariantCulture);

    public void Add(TimeSpan wait, bool hadConversation) => Add(RangeOf(wait), 1, hadConversation ? 1 : 0);

    /// <summary>Adds counted sessions to one range (named as <see cref="RangeOf"/> names it).</summary>
    public void Add(string range, long sessions, long talked)
    {
        var bucket = Array.IndexOf(Starts, int.Parse(range, CultureInfo.InvariantCulture));
        _sessions[bucket] += sessions;
        _talked[bucket] += talked;
    }

    public IReadOnlyList<WaitTimeCount> Counts() =>
        [
            .. Starts.Select(
                (start, i) =>
                    new WaitTimeCount(start, i + 1 < Starts.Length ? Starts[i + 1] : null, _sessions[i], _talked[i])
            ),
        ];
}
