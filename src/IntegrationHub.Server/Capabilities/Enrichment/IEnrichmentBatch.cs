using IntegrationHub.Contracts.Enrichment.V1;

namespace IntegrationHub.Server.Capabilities.Enrichment;

/// <summary>
/// Enrichment that identifies many addresses in one call (a remote connector's own BatchIdentifyCompanies). When
/// the serving connector offers it, the hub's batch RPC is forwarded to it whole instead of one call per address.
/// </summary>
public interface IEnrichmentBatch
{
    /// <summary>One result per requested address, in request order; one failing does not fail the others.</summary>
    Task<BatchIdentifyCompaniesResponse> IdentifyCompaniesAsync(
        BatchIdentifyCompaniesRequest request,
        CancellationToken cancellationToken
    );
}
