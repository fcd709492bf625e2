using Grpc.Core;
using IntegrationHub.Contracts.Marketing.V1;
using IntegrationHub.Sdk.Capabilities.Marketing;
using IntegrationHub.Server.Capabilities.Marketing;
using Domain = IntegrationHub.Sdk.Capabilities.Marketing;

namespace IntegrationHub.Server.Capabilities.Remote;

/// <summary>Marketing automation served by a remote process speaking the marketing contract.</summary>
public sealed class RemoteMarketingConnector(RemoteEndpoint remote) : IMarketingConnector
{
    private readonly MarketingService.MarketingServiceClient _client = new(remote.Invoker);

    public Task<IReadOnlyList<MarketingProgram>> ListProgramsByTagAsync(
        string tagType,
        string tagValue,
        CancellationToken cancellationToken
    ) =>
        remote.Call<IReadOnlyList<MarketingProgram>>(
            async options =>
                [
                    .. (
                        await _client.ListProgramsByTagAsync(
                            new ListProgramsByTagRequest { TagType = tagType, TagValue = tagValue },
                            options
                        )
                    ).Programs.Select(p => p.ToDomain()),
                ],
            cancellationToken
        );

    public Task<Domain.PersonEngagement?> GetPersonEngagementAsync(string email, CancellationToken cancellationToken) =>
        remote.OrNull(
            async options =>
                (
                    await _client.GetPersonEngagementAsync(new GetPersonEngagementRequest { Email = email }, options)
                ).Engagement.ToDomain(),
            cancellationToken
        );
}
