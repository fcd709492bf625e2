using IntegrationHub.Hub.Decisions;
using IntegrationHub.Storage.Presence;

namespace IntegrationHub.Hub.Sandbox;

/// <summary>
/// Under sandbox demo hours, marks available every rep of the policy whose presence was never set, once the schema is
/// migrated and before the hub serves. A rep set away or offline keeps that status, across restarts too; without
/// demo hours it does nothing.
/// </summary>
internal sealed class SandboxDemoPresence(
    PresenceStore presence,
    PolicyProvider policies,
    SandboxDemoHours? demoHours = null
) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (demoHours is null)
        {
            return;
        }

        var set = (await presence.ListAsync(cancellationToken)).Select(p => p.RepId).ToHashSet(StringComparer.Ordinal);
        foreach (var rep in policies.Current.Reps.Where(r => !set.Contains(r.Id)))
        {
            await presence.SetAsync(rep.Id, "available", cancellationToken);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
