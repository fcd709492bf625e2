using IntegrationHub.Sdk.Capabilities;
using IntegrationHub.Sdk.Capabilities.Crm;
using IntegrationHub.Sdk.Capabilities.Enrichment;
using IntegrationHub.Sdk.Capabilities.Marketing;
using IntegrationHub.Sdk.Capabilities.Sequencing;

namespace IntegrationHub.Routing.Facts;

/// <summary>The connectors routing reads facts from, with the names explanations show for them.</summary>
public sealed record FactSources(
    IEnrichmentConnector Enrichment,
    ICrmConnector Crm,
    ISequencingConnector Sequencing,
    IMarketingConnector Marketing,
    IReadOnlyDictionary<Capability, string> ConnectorNames
)
{
    /// <summary>The reps' calendars, for availability; none when the hub has no calendar source.</summary>
    public IRepCalendar? Calendar { get; init; }

    public string NameOf(Capability capability) =>
        ConnectorNames.TryGetValue(capability, out var name) ? name : capability.Key();
}
