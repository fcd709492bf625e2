using Grpc.Core;
using IntegrationHub.Contracts.Marketing.V1;
using IntegrationHub.Hub.Errors;
using IntegrationHub.Sdk.Capabilities.Marketing;
using IntegrationHub.Server.Errors;

namespace IntegrationHub.Server.Capabilities.Marketing;

/// <summary>Serves the marketing contract from whichever connector is configured.</summary>
public sealed class MarketingGrpcService(IMarketingConnector connector) : MarketingService.MarketingServiceBase
{
    public override async Task<ListProgramsByTagResponse> ListProgramsByTag(
        ListProgramsByTagRequest request,
        ServerCallContext context
    )
    {
        var validator = new RequestValidator();
        var type = validator.Required("tag_type", request.TagType, 100);
        var value = validator.Required("tag_value", request.TagValue, 100);
        validator.ThrowIfInvalid();
        var programs = await connector.ListProgramsByTagAsync(type, value, context.CancellationToken);
        var response = new ListProgramsByTagResponse();
        response.Programs.AddRange(
            programs
                .OrderBy(p => long.TryParse(p.Id, out var n) ? n : long.MaxValue)
                .ThenBy(p => p.Id, StringComparer.Ordinal)
                .Select(p => p.ToContract())
        );
        return response;
    }

    public override async Task<GetPersonEngagementResponse> GetPersonEngagement(
        GetPersonEngagementRequest request,
        ServerCallContext context
    )
    {
        var validator = new RequestValidator();
        var email = validator.Email("email", request.Email, required: true);
        validator.ThrowIfInvalid();
        var engagement = await connector.GetPersonEngagementAsync(email, context.CancellationToken)
            ?? throw HubException.NotFound("Marketing automation has no person with that email.");
        return new GetPersonEngagementResponse { Engagement = engagement.ToContract() };
    }
}
