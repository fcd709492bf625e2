using System.ComponentModel.DataAnnotations;
using IntegrationHub.Sdk.Connectors;

namespace IntegrationHub.Connectors.Marketo;

/// <summary>
/// Options bound from <c>Connectors:Marketo</c>. <c>BaseUrl</c> is <c>https://&lt;munchkin-id&gt;.mktorest.com/</c>.
/// </summary>
public sealed class MarketoOptions : ConnectorOptions
{
    public string? ClientId { get; set; }

    public string? ClientSecret { get; set; }

    /// <summary>The lead field holding the score (instances name it differently).</summary>
    [Required]
    public string LeadScoreField { get; set; } = "leadScore";

    [Required]
    public string MomentField { get; set; } = "lastInterestingMomentDesc";

    [Required]
    public string MomentDateField { get; set; } = "lastInterestingMomentDate";

    /// <summary>Programs per page (Marketo allows up to 200).</summary>
    [Range(1, 200)]
    public int PageSize { get; set; } = 200;

    public override bool HasCredentials =>
        !string.IsNullOrWhiteSpace(ClientId) && !string.IsNullOrWhiteSpace(ClientSecret);
}
