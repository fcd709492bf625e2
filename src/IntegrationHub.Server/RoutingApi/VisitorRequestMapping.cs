using IntegrationHub.Contracts.Routing.V1;
using IntegrationHub.Routing.Facts;
using IntegrationHub.Server.Errors;

namespace IntegrationHub.Server.RoutingApi;

/// <summary>A RouteVisitor request, validated (every bad field at once) into the engine's visitor.</summary>
public static class VisitorRequestMapping
{
    public static VisitorRequest ToVisitor(this RouteVisitorRequest request)
    {
        var validator = new RequestValidator();
        var requestId = validator.Required("request_id", request.RequestId, 128);
        var ip = validator.IpAddress("ip_address", request.IpAddress);
        var page = validator.HttpUrl("page_url", request.PageUrl, required: true);
        var email = validator.Email("email", request.Email, required: false);
        var token = validator.Length("click_through_token", request.ClickThroughToken, 512);
        validator.ThrowIfInvalid();
        return new VisitorRequest(
            requestId,
            ip!,
            page!,
            email.Length == 0 ? null : email,
            token.Length == 0 ? null : token
        );
    }
}
