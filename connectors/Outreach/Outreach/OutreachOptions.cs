using IntegrationHub.Sdk.Connectors;

namespace IntegrationHub.Connectors.Outreach;

/// <summary>
/// Options bound from <c>Connectors:Outreach</c>. Outreach has no client-credentials grant:
/// an admin authorizes the app once and the hub keeps the refresh token.
/// </summary>
public sealed class OutreachOptions : ConnectorOptions
{
    public OutreachOptions()
    {
        BaseUrl = new Uri("https://api.outreach.io/");
    }

    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    public string? RefreshToken { get; set; }

    public string RedirectUri { get; set; } = "https://localhost/oauth/callback";

    /// <summary>
    /// The secret Outreach signs webhook bodies with (HMAC-SHA256), as given when registering the
    /// webhook; webhooks are refused while it is empty. Before it lived here it was
    /// <c>Webhooks:OutreachSecret</c>, which is still read when this is not set.
    /// </summary>
    public string? WebhookSecret { get; set; }

    public override bool HasCredentials =>
        !string.IsNullOrWhiteSpace(ClientId)
        && !string.IsNullOrWhiteSpace(ClientSecret)
        && !string.IsNullOrWhiteSpace(RefreshToken);
}
