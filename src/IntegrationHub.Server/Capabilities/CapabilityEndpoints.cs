using IntegrationHub.Server.Capabilities.Crm;
using IntegrationHub.Server.Capabilities.Enrichment;
using IntegrationHub.Server.Capabilities.Marketing;
using IntegrationHub.Server.Capabilities.Meetings;
using IntegrationHub.Server.Capabilities.Sequencing;

namespace IntegrationHub.Server.Capabilities;

public static class CapabilityEndpoints
{
    /// <summary>One gRPC service per vendor capability, each forwarding to the configured connector.</summary>
    public static IEndpointRouteBuilder MapCapabilityServices(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGrpcService<EnrichmentGrpcService>();
        endpoints.MapGrpcService<CrmGrpcService>();
        endpoints.MapGrpcService<SequencingGrpcService>();
        endpoints.MapGrpcService<MarketingGrpcService>();
        endpoints.MapGrpcService<MeetingGrpcService>();
        return endpoints;
    }
}
