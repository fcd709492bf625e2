using IntegrationHub.Sdk.Connectors;

namespace IntegrationHub.Connectors.SixSense;

/// <summary>Options bound from <c>Connectors:SixSense</c>.</summary>
public sealed class SixSenseOptions : ConnectorOptions
{
    public SixSenseOptions()
    {
        BaseUrl = new Uri("https://epsilon.6sense.com/");
    }

    /// <summary>A Company Identification API token (40 characters; tokens are scoped to one API group).</summary>
    public string? ApiToken { get; set; }

    /// <summary>The product whose intent and buying stage matter most; listed first when present.</summary>
    public string? PrimaryProduct { get; set; }

    public override bool HasCredentials => !string.IsNullOrWhiteSpace(ApiToken);
}
