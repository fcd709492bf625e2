using IntegrationHub.Sdk.Connectors;

namespace IntegrationHub.Connectors.Zoom;

/// <summary>Options bound from <c>Connectors:Zoom</c> (a Server-to-Server OAuth app).</summary>
public sealed class ZoomOptions : ConnectorOptions
{
    public ZoomOptions()
    {
        BaseUrl = new Uri("https://api.zoom.us/");
    }

    /// <summary>The OAuth token endpoint (Zoom: https://zoom.us/oauth/token, a different host from the API).</summary>
    public Uri TokenUrl { get; set; } = new("https://zoom.us/oauth/token");

    public string? AccountId { get; set; }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    public override bool HasCredentials =>
        !string.IsNullOrWhiteSpace(AccountId)
        && !string.IsNullOrWhiteSpace(ClientId)
        && !string.IsNullOrWhiteSpace(ClientSecret);
}
