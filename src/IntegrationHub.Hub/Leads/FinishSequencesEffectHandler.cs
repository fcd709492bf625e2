using IntegrationHub.Sdk.Capabilities.Sequencing;
using IntegrationHub.Storage.Outbox;

namespace IntegrationHub.Hub.Leads;

/// <summary>
/// A person marked inactive: every running sequence of theirs is finished (finishing twice changes nothing).
/// </summary>
public sealed record FinishSequences(string ProspectId)
{
    public const string Type = "sequencing.finish_prospect";
}

public sealed class FinishSequencesEffectHandler(ISequencingConnector sequencing) : IOutboxEffectHandler
{
    public string EffectType => FinishSequences.Type;

    public Task DeliverAsync(OutboxEffect effect, CancellationToken cancellationToken)
    {
        var finish = effect.Read<FinishSequences>();
        return VendorDelivery.RunAsync(() =>
            sequencing.FinishProspectSequencesAsync(finish.ProspectId, cancellationToken)
        );
    }
}
