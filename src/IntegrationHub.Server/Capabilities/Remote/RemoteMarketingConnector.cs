using Grpc.Core;
using IntegrationHub.Contracts.Marketing.V1;
using IntegrationHub.Sdk.Capabilities.Marketing;
using IntegrationHub.Server.Capabilities.Marketing;
using static IntegrationHub.Server.Capabilities.Remote.RemoteErrorTranslation;
using Domain = IntegrationHub.Sdk.Capabilities.Marketing;

namespace IntegrationHub.Server.Capabilities.Remote;

/// <summary>Marketing automation served by a remote process speaking the marketing contract.</summary>
public sealed class RemoteMarketingConnector(CallInvoker invoker, string name) : IMarketingConnector
{
    private readonly MarketingService.MarketingServiceClient _client = new(invoker);

    public Task<IReadOnlyList<MarketingProgram>> ListProgramsByTagAsync(
        string tagType,
        string tagValue,
        CancellationToken cancellationToken
    ) =>
        Call<IReadOnlyList<MarketingProgram>>(
            name,
            async () =>
                [
                    .. (
                        await _client.ListProgramsByTagAsync(
                            new ListProgramsByTagRequest { TagType = tagType, TagValue = tagValue },
                            cancellationToken: cancellationToken
                        )
                    ).Programs.Select(p => p.ToDomain()),
                ],
            cancellationToken
        );

    public Task<Domain.PersonEngagement?> GetPersonEngagementAsync(string email, CancellationToken cancellationToken) =>
        OrNull(
            name,
            async () =>
                (
                    await _client.GetPersonEngagementAsync(
                        new GetPersonEngagementRequest { Email = email },
                        cancellationToken: cancellationToken
                    )
                ).Engagement.ToDomain(),
            cancellationToken
        );
}
