using IntegrationHub.Contracts.Connector.V1;

namespace IntegrationHub.Cli.Conformance;

/// <summary>The check list of each capability: Describe and health for all, then the capability's own.</summary>
internal static class CheckLists
{
    /// <summary>The capabilities with a check list, as <c>--capability</c> names them.</summary>
    public static readonly IReadOnlyList<string> Capabilities =
    [
        "enrichment",
        "crm",
        "sequencing",
        "marketing",
        "meetings",
    ];

    /// <summary>
    /// The checks for <paramref name="capability"/>, the sample (<c>--sample</c>, else the capability's default,
    /// enrichment's <c>--sample-ip</c>) that the valid requests look up, or null for a capability with no list.
    /// </summary>
    public static (IEnumerable<ConformanceCheck> Checks, string Sample)? For(
        string capability,
        RemoteUnderTest remote,
        string? sample,
        string sampleIp
    ) =>
        capability.ToLowerInvariant() switch
        {
            "enrichment" => (
                Common(remote, Capability.Enrichment, "integrationhub.enrichment.v1.EnrichmentService")
                    .Concat(EnrichmentChecks.For(remote, sample ?? sampleIp)),
                sample ?? sampleIp
            ),
            "crm" => Listed(
                remote,
                Capability.Crm,
                CrmChecks.Service,
                CrmChecks.Probe,
                sample ?? CrmChecks.DefaultSample
            ),
            "sequencing" => Listed(
                remote,
                Capability.Sequencing,
                SequencingChecks.Service,
                SequencingChecks.Probe,
                sample ?? SequencingChecks.DefaultSample
            ),
            "marketing" => Listed(
                remote,
                Capability.Marketing,
                MarketingChecks.Service,
                MarketingChecks.Probe,
                sample ?? MarketingChecks.DefaultSample
            ),
            "meetings" => Listed(
                remote,
                Capability.Meetings,
                MeetingsChecks.Service,
                MeetingsChecks.Probe,
                sample ?? MeetingsChecks.DefaultSample
            ),
            _ => null,
        };

    private static IEnumerable<ConformanceCheck> Common(
        RemoteUnderTest remote,
        Capability capability,
        string service
    ) => CommonChecks.For(remote, capability, service);

    private static (IEnumerable<ConformanceCheck>, string) Listed(
        RemoteUnderTest remote,
        Capability capability,
        string service,
        Func<RemoteUnderTest, string, CapabilityProbe> probe,
        string sample
    ) => (Common(remote, capability, service).Concat(CapabilityChecks.For(remote, probe(remote, sample))), sample);
}
