namespace IntegrationHub.Sdk.Capabilities;

/// <summary>The outside facts and actions the hub needs; each is served by one connector.</summary>
public enum Capability
{
    /// <summary>Reverse-IP firmographics (<see cref="Enrichment.IEnrichmentConnector"/>).</summary>
    Enrichment,

    /// <summary>Accounts, people, leads and activity (<see cref="Crm.ICrmConnector"/>).</summary>
    Crm,

    /// <summary>Sales-engagement sequences (<see cref="Sequencing.ISequencingConnector"/>).</summary>
    Sequencing,

    /// <summary>Marketing automation (<see cref="Marketing.IMarketingConnector"/>).</summary>
    Marketing,

    /// <summary>Calendars and video meetings (<see cref="Meetings.IMeetingConnector"/>).</summary>
    Meetings,
}

/// <summary>Marker for every capability interface, so scanning can find connectors.</summary>
public interface ICapabilityConnector;

/// <summary>The capability interfaces, and which a connector implements.</summary>
public static class CapabilityInterfaces
{
    /// <summary>The capability interface each capability is served through.</summary>
    public static readonly IReadOnlyDictionary<Capability, Type> ByCapability = new Dictionary<Capability, Type>
    {
        [Capability.Enrichment] = typeof(Enrichment.IEnrichmentConnector),
        [Capability.Crm] = typeof(Crm.ICrmConnector),
        [Capability.Sequencing] = typeof(Sequencing.ISequencingConnector),
        [Capability.Marketing] = typeof(Marketing.IMarketingConnector),
        [Capability.Meetings] = typeof(Meetings.IMeetingConnector),
    };

    /// <summary>The capabilities a connector type implements.</summary>
    public static IReadOnlyList<Capability> Of(Type connectorType) =>
        [.. ByCapability.Where(kv => kv.Value.IsAssignableFrom(connectorType)).Select(kv => kv.Key)];

    /// <summary>The lower-case name used in configuration, health and the catalog ("crm").</summary>
    public static string Key(this Capability capability) => capability.ToString().ToLowerInvariant();
}
