using System.Text.Json.Nodes;
using IntegrationHub.Hub.Conversations;
using IntegrationHub.Routing.Decisions;

namespace IntegrationHub.Hub.RoutingEvents;

/// <summary>
/// The <c>data</c> of each event, in the proto JSON mapping of the message the contract names for it: a decision's
/// summary is an <c>integrationhub.routing.v1.Decision</c> without its explanation (ask <c>GetDecision</c> for it);
/// an offer or a booking is the <c>integrationhub.routing.v1.Conversation</c> after the change; a reassignment is an
/// <c>integrationhub.events.v1.LeadReassignedData</c>.
/// </summary>
internal static class RoutingEventData
{
    public static JsonObject Decision(
        string id,
        string kind,
        string requestId,
        DateTimeOffset createdAt,
        RoutingTarget target,
        string? matchedRule,
        string? conversationId
    ) =>
        new()
        {
            ["id"] = id,
            ["kind"] = ProtoJson.Enum("DECISION_KIND", kind),
            ["requestId"] = requestId,
            ["createTime"] = ProtoJson.Time(createdAt),
            ["target"] = new JsonObject
            {
                ["kind"] = ProtoJson.Enum("TARGET_KIND", target.Kind.ToString()),
                ["repId"] = target.RepId ?? "",
                ["repName"] = target.RepName ?? "",
                ["pool"] = target.Pool ?? "",
                ["sequence"] = target.Sequence ?? "",
            },
            ["matchedRule"] = matchedRule ?? "",
            ["conversationId"] = conversationId ?? "",
        };

    /// <summary>The decision's degraded flag and policy version, the last fields of its summary.</summary>
    public static JsonObject With(this JsonObject decision, bool degraded, long policyVersion)
    {
        decision["degraded"] = degraded;
        decision["policyVersion"] = ProtoJson.Int64(policyVersion);
        return decision;
    }

    public static JsonObject Conversation(Conversation conversation, DateTimeOffset now) =>
        new()
        {
            ["id"] = conversation.Id,
            ["decisionId"] = conversation.DecisionId,
            ["state"] = ProtoJson.Enum("CONVERSATION_STATE", conversation.State.ToString()),
            ["repId"] = conversation.RepId ?? "",
            ["language"] = conversation.Language,
            ["meetingJoinUrl"] = conversation.MeetingJoinUrl ?? "",
            ["reason"] = conversation.Reason,
            ["updateTime"] = ProtoJson.Time(now),
            ["createTime"] = ProtoJson.Time(conversation.CreatedAt),
        };

    public static JsonObject LeadReassigned(LeadReassignment reassignment) =>
        new()
        {
            ["decisionId"] = reassignment.DecisionId,
            ["previousRepId"] = reassignment.PreviousRepId,
            ["repId"] = reassignment.RepId,
            ["rule"] = reassignment.Rule,
            ["reason"] = reassignment.Reason,
        };
}
