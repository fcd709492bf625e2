using IntegrationHub.Hub.Decisions;
using IntegrationHub.Hub.Errors;
using IntegrationHub.Hub.RoutingEvents;
using IntegrationHub.Hub.Telemetry;
using IntegrationHub.Routing.Decisions;
using IntegrationHub.Routing.Policy;
using IntegrationHub.Routing.Rules;
using IntegrationHub.Sdk.Capabilities.Meetings;
using IntegrationHub.Sdk.Errors;
using IntegrationHub.Storage.Conversations;
using IntegrationHub.Storage.Events;
using IntegrationHub.Storage.Scheduling;

namespace IntegrationHub.Hub.Conversations;

/// <summary>
/// A visitor's conversation after routing: the offer to the routed human with its accept
/// timeout (a durable timer, so it fires once even if this instance is gone), acceptance,
/// decline or silence handing it to the AI rep (in the languages it serves) or to a meeting
/// offer on the routed rep's calendar, and booking one of the offered slots. Every change is a
/// compare-and-set, and is published for the streams watching the conversation.
/// </summary>
public sealed partial class ConversationFlow(
    ConversationStore conversations,
    ScheduleStore schedule,
    IHubEventBus events,
    PolicyProvider policies,
    IMeetingConnector meetings,
    RoutingEventFactory routingEvents,
    TimeProvider time,
    ILogger<ConversationFlow> logger
)
{
    public const string AcceptTimeoutKind = "accept_timeout";

    /// <summary>
    /// Opens the conversation of a visitor decision (once: the id is the decision's) when its decision's transaction
    /// did not (a meeting offer, which asks the calendar for slots first, or a decision stored without one).
    /// </summary>
    public async Task<Conversation> OpenAsync(VisitorDecision decision, CancellationToken cancellationToken)
    {
        if (await conversations.GetAsync(decision.Id, cancellationToken) is { } existing)
        {
            return Conversation.FromStored(existing);
        }

        var opening = Plan(decision)
            ?? Opening.Of(
                await MeetingOfferAsync(
                    decision.Id,
                    decision.Id,
                    decision.Target.RepId!,
                    decision.Language,
                    decision.Explanation.Fallbacks.LastOrDefault()?.Reason ?? "meeting offered",
                    cancellationToken
                ) with
                {
                    UpdatedAt = time.GetUtcNow(),
                    CreatedAt = decision.CreatedAt,
                    Version = 1,
                },
                null
            );
        await conversations.CreateAsync(opening.Stored, cancellationToken);
        if (opening.Timer is { } timer)
        {
            await schedule.ScheduleAsync(timer, cancellationToken);
        }

        await AnnounceAsync(opening.Conversation, cancellationToken);
        return opening.Conversation;
    }

    /// <summary>
    /// The conversation a visitor decision opens and its accept timer, to be written in the decision's own
    /// transaction; null for a meeting offer, whose slots come from the calendar (see <see cref="OpenAsync"/>).
    /// </summary>
    public Opening? Plan(VisitorDecision decision)
    {
        var policy = policies.Current;
        var now = time.GetUtcNow();
        var conversation = decision.Target.Kind switch
        {
            TargetKind.HumanRep => new Conversation
            {
                Id = decision.Id,
                DecisionId = decision.Id,
                State = ConversationState.Offered,
                RepId = decision.Target.RepId,
                OfferExpiresAt = now + policy.AcceptTimeout,
                Language = decision.Language,
                Reason = $"offered to {decision.Target.RepName}",
                PounceRepId = DecisionTally.PounceRepOf(decision),
            },
            TargetKind.AiRep => new Conversation
            {
                Id = decision.Id,
                DecisionId = decision.Id,
                State = ConversationState.WithAiRep,
                RepId = decision.RoutedRepId,
                Language = decision.Language,
                Reason = decision.Explanation.Fallbacks.LastOrDefault()?.Reason ?? "the AI rep took it",
            },
            TargetKind.MeetingOffer => null,
            _ => new Conversation
            {
                Id = decision.Id,
                DecisionId = decision.Id,
                State = ConversationState.Closed,
                Language = decision.Language,
                Reason = "nobody could take it",
            },
        };
        if (conversation is null)
        {
            return null;
        }

        conversation = conversation with { UpdatedAt = now, CreatedAt = decision.CreatedAt, Version = 1 };
        return Opening.Of(
            conversation,
            conversation.State == ConversationState.Offered
                ? new ScheduledWork(
                    TimerKey(conversation.Id),
                    AcceptTimeoutKind,
                    conversation.Id,
                    conversation.OfferExpiresAt!.Value
                )
                : null
        );
    }

    /// <summary>
    /// Tells the streams of a conversation just opened, and the offered rep, once its rows are durable.
    /// </summary>
    public Task AnnounceAsync(Conversation conversation, CancellationToken cancellationToken)
    {
        // The offer's alert and the conversation itself go out together: one round trip on PostgreSQL.
        List<(string Channel, string Payload)> announced = [Published(conversation)];
        if (conversation.State == ConversationState.Offered)
        {
            announced.Insert(
                0,
                Alert(
                    conversation.RepId!,
                    AlertKind.Offer,
                    conversation.DecisionId,
                    conversation.Id,
                    "A visitor is waiting for you: accept within " + policies.Current.AcceptTimeout.TotalSeconds + " s"
                )
            );
        }

        return events.PublishAsync(announced, cancellationToken);
    }

    public async Task<Conversation> GetAsync(string id, CancellationToken cancellationToken) =>
        Conversation.FromStored(
            await conversations.GetAsync(id, cancellationToken) ?? throw HubException.NotFound($"No conversation {id}.")
        );

    public async Task<Conversation> AcceptAsync(string id, string repId, CancellationToken cancellationToken)
    {
        var current = await GetAsync(id, cancellationToken);
        RequireOfferTo(current, repId);
        if (current.OfferExpiresAt <= time.GetUtcNow())
        {
            throw Precondition("The offer expired; the conversation has moved on.");
        }

        var accepted = await ChangeAsync(
            current,
            current with
            {
                State = ConversationState.Accepted,
                OfferExpiresAt = null,
                Reason = "accepted by the offered rep",
            },
            cancellationToken,
            RoutingEventTypes.OfferAccepted
        ) ?? throw Precondition("The conversation changed meanwhile (accepted, declined or timed out).");
        await schedule.CancelAsync(TimerKey(id), cancellationToken);
        HubMetrics.OfferAccepted(time.GetUtcNow() - (current.OfferExpiresAt!.Value - policies.Current.AcceptTimeout));
        return accepted;
    }

    public async Task<Conversation> DeclineAsync(
        string id,
        string repId,
        string reason,
        CancellationToken cancellationToken
    )
    {
        var current = await GetAsync(id, cancellationToken);
        RequireOfferTo(current, repId);
        var moved = await FallBackAsync(
            current,
            string.IsNullOrWhiteSpace(reason) ? "the rep declined" : $"the rep declined: {reason}",
            cancellationToken,
            RoutingEventTypes.OfferDeclined
        ) ?? throw Precondition("The conversation changed meanwhile (accepted, declined or timed out).");
        await schedule.CancelAsync(TimerKey(id), cancellationToken);
        return moved;
    }

    /// <summary>The accept timeout fired: if the offer is still open, hand the conversation on.</summary>
    public async Task OnAcceptTimeoutAsync(string id, CancellationToken cancellationToken)
    {
        var current = await GetAsync(id, cancellationToken);
        if (current.State != ConversationState.Offered)
        {
            return;
        }

        var seconds = policies.Current.AcceptTimeout.TotalSeconds;
        if (
            await FallBackAsync(
                current,
                $"no answer within {seconds:0} s",
                cancellationToken,
                RoutingEventTypes.OfferExpired
            )
            is not null
        )
        {
            LogTimedOut(logger, id);
        }
    }

    public async Task<Conversation> BookAsync(
        string id,
        DateTimeOffset slotStart,
        string inviteeEmail,
        CancellationToken cancellationToken
    )
    {
        var current = await GetAsync(id, cancellationToken);
        if (current.State == ConversationState.MeetingBooked)
        {
            return current;
        }

        if (current.State != ConversationState.MeetingOffered)
        {
            throw Precondition("No meeting is offered in this conversation.");
        }

        var slot = current.MeetingSlots.FirstOrDefault(s => s.Start == slotStart)
            ?? throw HubException.Invalid(
                new FieldViolation("slot_start_time", "must be the start of one of the offered slots")
            );
        var rep = policies.Current.RepById(current.RepId)
            ?? throw Precondition("The routed rep is no longer in the policy.");
        var meeting = await meetings.CreateMeetingAsync(
            new MeetingRequest(
                rep.CalendarUserId ?? rep.Email,
                $"Meeting with {rep.Name}",
                slot.Start,
                slot.End - slot.Start,
                rep.TimeZone,
                inviteeEmail,
                $"{id}/{slot.Start.ToUnixTimeSeconds()}"
            ),
            cancellationToken
        );
        return await ChangeAsync(
            current,
            current with
            {
                State = ConversationState.MeetingBooked,
                MeetingJoinUrl = meeting.JoinUrl,
                Reason = $"meeting booked with {rep.Name}",
            },
            cancellationToken,
            RoutingEventTypes.MeetingBooked
        ) ?? await GetAsync(id, cancellationToken);
    }

    public static string TimerKey(string conversationId) => $"offer/{conversationId}";

    /// <summary>AI rep when it serves the language, otherwise a meeting on the routed rep's calendar.</summary>
    private async Task<Conversation?> FallBackAsync(
        Conversation current,
        string why,
        CancellationToken cancellationToken,
        string eventType
    )
    {
        var policy = policies.Current;
        var next =
            policy.AiRep.Enabled && policy.AiRep.Languages.Contains(current.Language, StringComparer.Ordinal)
                ? current with
                {
                    State = ConversationState.WithAiRep,
                    OfferExpiresAt = null,
                    Reason = $"{why}: handed to the AI rep",
                }
                : await MeetingOfferAsync(
                    current.Id,
                    current.DecisionId,
                    current.RepId!,
                    current.Language,
                    $"{why}: meeting offered",
                    cancellationToken
                ) with
                {
                    Version = current.Version,
                };
        return await ChangeAsync(current, next, cancellationToken, eventType);
    }

    private async Task<Conversation> MeetingOfferAsync(
        string id,
        string decisionId,
        string repId,
        string language,
        string why,
        CancellationToken cancellationToken
    )
    {
        var policy = policies.Current;
        var rep = policy.RepById(repId);
        IReadOnlyList<TimeSlot> slots = [];
        var reason = why;
        if (rep is not null)
        {
            var offer = policy.MeetingOffer;
            var now = time.GetUtcNow();
            try
            {
                var all = await meetings.ListFreeSlotsAsync(
                    new FreeSlotQuery(
                        rep.CalendarUserId ?? rep.Email,
                        now,
                        now.AddDays(offer.DaysAhead),
                        TimeSpan.FromMinutes(offer.DurationMinutes),
                        TimeSpan.FromMinutes(offer.BufferMinutes),
                        TimeSpan.FromMinutes(offer.MinimumNoticeMinutes),
                        new WorkingHours(
                            rep.TimeZone,
                            rep.WorkingHours.Start,
                            rep.WorkingHours.End,
                            rep.WorkingHours.Days.ToHashSet()
                        )
                    ),
                    cancellationToken
                );
                slots = [.. all.Take(offer.MaxSlots)];
            }
            catch (ConnectorException ex)
            {
                // The calendar being down must not lose the visitor: the offer says so and can be retried.
                reason = $"{why} (calendar unavailable: {ex.Kind})";
            }
        }

        return new Conversation
        {
            Id = id,
            DecisionId = decisionId,
            State = ConversationState.MeetingOffered,
            RepId = repId,
            Language = language,
            MeetingSlots = slots,
            Reason = reason,
        };
    }

    /// <summary>
    /// Makes the change if nobody else changed the conversation first; the routing event it publishes
    /// (<paramref name="eventType"/>) is written in the same transaction, and so are the routing counters an offer's
    /// answer moves (how it ended, how long the visitor waited, a won pounce).
    /// </summary>
    private async Task<Conversation?> ChangeAsync(
        Conversation current,
        Conversation next,
        CancellationToken cancellationToken,
        string eventType
    )
    {
        next = next with
        {
            CreatedAt = current.CreatedAt,
            PounceRepId = current.PounceRepId,
            OfferOutcome = current.OfferOutcome,
            OfferAnsweredAt = current.OfferAnsweredAt,
        };
        IReadOnlyList<Storage.Metrics.RoutingCount>? counts = null;
        if (current.State == ConversationState.Offered && next.State != ConversationState.Offered)
        {
            next = next with { OfferOutcome = OutcomeOf(eventType), OfferAnsweredAt = time.GetUtcNow() };
            counts = DecisionTally.Answer(next, current.PounceRepId);
        }

        var stored = await conversations.TryUpdateAsync(
            current.Id,
            current.Version,
            next.State.ToString(),
            next.RepId,
            next.OfferExpiresAt,
            next.ToJson(),
            cancellationToken,
            [routingEvents.ConversationChanged(eventType, next)],
            counts
        );
        if (stored is null)
        {
            return null;
        }

        var changed = Conversation.FromStored(stored);
        await PublishAsync(changed, cancellationToken);
        return changed;
    }

    private static string OutcomeOf(string eventType) =>
        eventType switch
        {
            RoutingEventTypes.OfferAccepted => DecisionTally.Accepted,
            RoutingEventTypes.OfferExpired => DecisionTally.Expired,
            _ => DecisionTally.Declined,
        };

    private Task PublishAsync(Conversation conversation, CancellationToken cancellationToken)
    {
        var (channel, payload) = Published(conversation);
        return events.PublishAsync(channel, payload, cancellationToken);
    }

    private static (string Channel, string Payload) Published(Conversation conversation) =>
        (ConversationChannels.Of(conversation.Id), (conversation with { Version = 0 }).ToJson());

    public Task AlertAsync(
        string repId,
        AlertKind kind,
        string? decisionId,
        string? conversationId,
        string message,
        CancellationToken cancellationToken
    )
    {
        var (channel, payload) = Alert(repId, kind, decisionId, conversationId, message);
        return events.PublishAsync(channel, payload, cancellationToken);
    }

    private (string Channel, string Payload) Alert(
        string repId,
        AlertKind kind,
        string? decisionId,
        string? conversationId,
        string message
    ) =>
        (
            RepAlert.Channel(repId),
            new RepAlert(
                Guid.CreateVersion7(time.GetUtcNow()).ToString("N"),
                repId,
                kind,
                decisionId,
                conversationId,
                message,
                time.GetUtcNow()
            ).ToJson()
        );

    private static void RequireOfferTo(Conversation conversation, string repId)
    {
        if (conversation.State != ConversationState.Offered)
        {
            throw Precondition($"The conversation is {conversation.State}, not waiting for an answer.");
        }

        if (!string.Equals(conversation.RepId, repId, StringComparison.Ordinal))
        {
            throw Precondition("The conversation is offered to another rep.");
        }
    }

    private static HubException Precondition(string message) =>
        HubException.FailedPrecondition(message, "CONVERSATION_STATE");

    [LoggerMessage(
        Level = LogLevel.Information,
        Message = "Offer in conversation {ConversationId} timed out and was handed on"
    )]
    private static partial void LogTimedOut(ILogger logger, string conversationId);
}
