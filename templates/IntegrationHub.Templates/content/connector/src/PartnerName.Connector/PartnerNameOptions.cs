using IntegrationHub.Sdk.Connectors;

namespace PartnerName.Connector;

/// <summary>Options bound from <c>Connectors:PartnerName</c> and validated when the hub starts.</summary>
public sealed class PartnerNameOptions : ConnectorOptions
{
    /// <summary>The vendor's production API unless configured otherwise (sandbox mode points it at the fake).</summary>
    public PartnerNameOptions()
    {
        BaseUrl = new Uri("https://api.partnername.example/");
    }

    /// <summary>
    /// The vendor API key, sent as <c>X-Api-Key</c>. Without one the hub runs the connector on its fake.
    /// </summary>
    public string? ApiKey { get; set; }

    /// <inheritdoc />
    public override bool HasCredentials => !string.IsNullOrWhiteSpace(ApiKey);
}
