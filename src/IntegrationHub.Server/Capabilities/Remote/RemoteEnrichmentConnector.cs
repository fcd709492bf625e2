using System.Net;
using Grpc.Core;
using IntegrationHub.Contracts.Enrichment.V1;
using IntegrationHub.Sdk.Capabilities.Enrichment;
using IntegrationHub.Server.Capabilities.Enrichment;
using static IntegrationHub.Server.Capabilities.Remote.RemoteErrorTranslation;

namespace IntegrationHub.Server.Capabilities.Remote;

/// <summary>Enrichment served by a remote process speaking the enrichment contract.</summary>
public sealed class RemoteEnrichmentConnector(CallInvoker invoker, string name) : IEnrichmentConnector
{
    private readonly EnrichmentService.EnrichmentServiceClient _client = new(invoker);

    public Task<Sdk.Capabilities.Enrichment.CompanyIdentification> IdentifyCompanyAsync(
        IPAddress ipAddress,
        CancellationToken cancellationToken
    ) =>
        Call(
            name,
            async () =>
                (
                    await _client.IdentifyCompanyAsync(
                        new IdentifyCompanyRequest { IpAddress = ipAddress.ToString() },
                        cancellationToken: cancellationToken
                    )
                ).Identification.ToDomain(),
            cancellationToken
        );
}
