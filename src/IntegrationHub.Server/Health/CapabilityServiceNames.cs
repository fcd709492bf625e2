using IntegrationHub.Sdk.Capabilities;

namespace IntegrationHub.Server.Health;

/// <summary>The gRPC service that fronts each capability: its health is reported under this name.</summary>
public static class CapabilityServiceNames
{
    public static readonly IReadOnlyDictionary<Capability, string> ByCapability = new Dictionary<Capability, string>
    {
        [Capability.Enrichment] = Contracts.Enrichment.V1.EnrichmentService.Descriptor.FullName,
        [Capability.Crm] = Contracts.Crm.V1.CrmService.Descriptor.FullName,
        [Capability.Sequencing] = Contracts.Sequencing.V1.SequencingService.Descriptor.FullName,
        [Capability.Marketing] = Contracts.Marketing.V1.MarketingService.Descriptor.FullName,
        [Capability.Meetings] = Contracts.Meetings.V1.MeetingService.Descriptor.FullName,
    };
}
