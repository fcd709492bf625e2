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
}
