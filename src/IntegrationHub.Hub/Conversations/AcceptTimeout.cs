using IntegrationHub.Hub.Decisions;
using IntegrationHub.Hub.Timers;

namespace IntegrationHub.Hub.Conversations;

/// <summary>An offer nobody answered within the accept timeout is handed on, as a decline would be.</summary>
public sealed class AcceptTimeout(ConversationFlow flow) : IDurableTimerHandler
{
    public string Kind => ConversationFlow.AcceptTimeoutKind;

    public Task OnDueAsync(string payload, CancellationToken cancellationToken) =>
        flow.OnAcceptTimeoutAsync(payload, cancellationToken);
}
