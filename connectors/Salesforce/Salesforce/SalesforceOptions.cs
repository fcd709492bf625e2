using System.ComponentModel.DataAnnotations;
using IntegrationHub.Sdk.Connectors;

namespace IntegrationHub.Connectors.Salesforce;

/// <summary>
/// Options bound from <c>Connectors:Salesforce</c>. <c>BaseUrl</c> is the org's My Domain (the token endpoint's host).
/// </summary>
public sealed class SalesforceOptions : ConnectorOptions
{
    /// <summary>The connected app's consumer key (client credentials flow; the app needs a Run As user).</summary>
    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    [RegularExpression(@"^v\d+\.\d$")]
    public string ApiVersion { get; set; } = "v60.0";

    /// <summary>The Lead external-id field the hub upserts on.</summary>
    [Required]
    public string LeadExternalIdField { get; set; } = "IntegrationHub_Key__c";

    public override bool HasCredentials =>
        !string.IsNullOrWhiteSpace(ClientId) && !string.IsNullOrWhiteSpace(ClientSecret);
}
