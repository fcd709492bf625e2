using System.Net;
using Grpc.Core;
using IntegrationHub.Contracts.Enrichment.V1;
using IntegrationHub.Sdk.Capabilities.Enrichment;
using IntegrationHub.Sdk.Errors;
using IntegrationHub.Server.Capabilities.Enrichment;

namespace IntegrationHub.Server.Capabilities.Remote;

/// <summary>Enrichment served by a remote process speaking the enrichment contract.</summary>
public sealed class RemoteEnrichmentConnector(RemoteEndpoint remote) : IEnrichmentConnector, IEnrichmentBatch
{
    private readonly EnrichmentService.EnrichmentServiceClient _client = new(remote.Invoker);

    public Task<Sdk.Capabilities.Enrichment.CompanyIdentification> IdentifyCompanyAsync(
        IPAddress ipAddress,
        CancellationToken cancellationToken
    ) =>
        remote.Call(
            async options =>
                (
                    await _client.IdentifyCompanyAsync(
                        new IdentifyCompanyRequest { IpAddress = ipAddress.ToString() },
                        options
                    )
                ).Identification.ToDomain(),
            cancellationToken
        );

    public async Task<BatchIdentifyCompaniesResponse> IdentifyCompaniesAsync(
        BatchIdentifyCompaniesRequest request,
        CancellationToken cancellationToken
    )
    {
        var response = await remote.Call(
            async options => await _client.BatchIdentifyCompaniesAsync(request, options),
            cancellationToken
        );
        if (!response.Results.Select(r => r.IpAddress).SequenceEqual(request.IpAddresses))
        {
            // Answers out of order or missing would be pinned on the wrong visitors.
            throw new ConnectorException(
                ConnectorErrorKind.VendorProtocol,
                $"remote connector {remote.Name}: BatchIdentifyCompanies answered {response.Results.Count} results "
                    + $"for {request.IpAddresses.Count} addresses, not one per address in request order"
            )
            {
                Vendor = remote.Name,
            };
        }

        return response;
    }
}
