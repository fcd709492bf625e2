using System.Net;

namespace IntegrationHub.Routing.Facts;

/// <summary>A live visitor to route, already validated at the edge.</summary>
public sealed record VisitorRequest(
    string RequestId,
    IPAddress IpAddress,
    Uri PageUrl,
    string? Email,
    string? ClickThroughToken
);
