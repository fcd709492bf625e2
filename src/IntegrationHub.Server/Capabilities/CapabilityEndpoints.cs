using IntegrationHub.Hub.Composition;
using IntegrationHub.Server.Capabilities.Crm;
using IntegrationHub.Server.Capabilities.Enrichment;
using IntegrationHub.Server.Capabilities.Marketing;
using IntegrationHub.Server.Capabilities.Meetings;
using IntegrationHub.Server.Capabilities.Sequencing;
using IntegrationHub.Server.Composition;

namespace IntegrationHub.Server.Capabilities;

public static class CapabilityEndpoints
{
    /// <summary>
    /// One gRPC service per vendor capability, each forwarding to the configured connector; each method needs its
    /// scope.
    /// </summary>
    public static IEndpointRouteBuilder MapCapabilityServices(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGrpcService<EnrichmentGrpcService>().RequireScopes();
        endpoints.MapGrpcService<CrmGrpcService>().RequireScopes();
        endpoints.MapGrpcService<SequencingGrpcService>().RequireScopes();
        endpoints.MapGrpcService<MarketingGrpcService>().RequireScopes();
        endpoints.MapGrpcService<MeetingGrpcService>().RequireScopes();
        return endpoints;
    }
}
