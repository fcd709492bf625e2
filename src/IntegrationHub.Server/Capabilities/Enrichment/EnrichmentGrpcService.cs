using Grpc.Core;
using IntegrationHub.Contracts.Enrichment.V1;
using IntegrationHub.Sdk.Capabilities.Enrichment;
using IntegrationHub.Sdk.Errors;
using IntegrationHub.Server.Errors;

namespace IntegrationHub.Server.Capabilities.Enrichment;

/// <summary>
/// Serves the enrichment contract from whichever connector is configured; a batch goes whole to a connector that
/// takes batches (<see cref="IEnrichmentBatch"/>), otherwise one look-up per address through the cache.
/// </summary>
public sealed class EnrichmentGrpcService(IEnrichmentConnector connector, IEnrichmentBatch? batch = null)
    : EnrichmentService.EnrichmentServiceBase
{
    public const int MaxBatch = 100;

    public override async Task<IdentifyCompanyResponse> IdentifyCompany(
        IdentifyCompanyRequest request,
        ServerCallContext context
    )
    {
        var validator = new RequestValidator();
        var ip = validator.IpAddress("ip_address", request.IpAddress);
        validator.ThrowIfInvalid();
        var result = await connector.IdentifyCompanyAsync(ip!, context.CancellationToken);
        return new IdentifyCompanyResponse { Identification = result.ToContract() };
    }

    public override async Task<BatchIdentifyCompaniesResponse> BatchIdentifyCompanies(
        BatchIdentifyCompaniesRequest request,
        ServerCallContext context
    )
    {
        var validator = new RequestValidator();
        if (request.IpAddresses.Count is 0 or > MaxBatch)
        {
            validator.Add("ip_addresses", $"must hold 1 to {MaxBatch} addresses");
        }

        var ips = request
            .IpAddresses.Take(MaxBatch)
            .Select((ip, i) => validator.IpAddress($"ip_addresses[{i}]", ip))
            .ToList();
        validator.ThrowIfInvalid();
        if (batch is not null)
        {
            return await batch.IdentifyCompaniesAsync(request, context.CancellationToken);
        }

        using var gate = new SemaphoreSlim(8);
        var results = await Task.WhenAll(
            ips.Select(
                async (ip, i) =>
                {
                    await gate.WaitAsync(context.CancellationToken);
                    try
                    {
                        var identified = await connector.IdentifyCompanyAsync(ip!, context.CancellationToken);
                        return new BatchIdentificationResult
                        {
                            IpAddress = request.IpAddresses[i],
                            Identification = identified.ToContract(),
                        };
                    }
                    catch (ConnectorException ex)
                    {
                        // One address failing must not fail the others: the item says what happened.
                        return new BatchIdentificationResult
                        {
                            IpAddress = request.IpAddresses[i],
                            ErrorCode = RpcErrors.CodeName(RpcErrors.FromConnector(ex).StatusCode),
                            ErrorMessage = ex.Message,
                        };
                    }
                    finally
                    {
                        gate.Release();
                    }
                }
            )
        );
        var response = new BatchIdentifyCompaniesResponse();
        response.Results.AddRange(results);
        return response;
    }
}
