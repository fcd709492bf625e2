using IntegrationHub.Routing.Decisions;
using IntegrationHub.Sdk.Capabilities.Crm;

namespace IntegrationHub.Routing.Leads;

/// <summary>Where a lead rule sends the lead, before round robin and related-lead checks.</summary>
internal abstract record LeadTarget
{
    public sealed record Rep(string RepId) : LeadTarget;

    public sealed record Pool(string Name) : LeadTarget;

    /// <summary>The SDR team of a region: related-lead checks first, then the round robin.</summary>
    public sealed record SdrTeam(string Region) : LeadTarget;

    public sealed record Queue(string UserId) : LeadTarget;

    public sealed record Convert(string OwnerId, string AccountId) : LeadTarget;

    /// <summary>Not routed: the lead is recorded in the CRM with <paramref name="Status"/> and no owner.</summary>
    public sealed record Stop(TargetKind Kind, LeadStatus Status) : LeadTarget
    {
        /// <summary>Flagged for the spam campaign.</summary>
        public static readonly Stop Spam = new(TargetKind.Spam, LeadStatus.Spam);

        /// <summary>Below the MQL threshold: kept as an open lead until its score reaches it.</summary>
        public static readonly Stop BelowMqlThreshold = new(TargetKind.NotRouted, LeadStatus.Open);
    }
}
