namespace IntegrationHub.Server.Security;

/// <summary>
/// What a caller may do. Every RPC needs exactly one scope, chosen by its service (and, on the
/// CRM, by whether it writes); a caller's key or token lists the scopes it holds.
/// </summary>
public static class Scopes
{
    public const string Routing = "routing";
    public const string CrmRead = "crm-read";
    public const string CrmWrite = "crm-write";
    public const string Enrichment = "enrichment";
    public const string Sequencing = "sequencing";
    public const string Marketing = "marketing";
    public const string Meetings = "meetings";
    public const string Admin = "admin";

    public static IReadOnlyList<string> All { get; } =
    [Routing, CrmRead, CrmWrite, Enrichment, Sequencing, Marketing, Meetings, Admin];

    private static readonly HashSet<string> CrmWrites = new(StringComparer.Ordinal)
    {
        "UpsertLead",
        "ChangeOwner",
        "ConvertLead",
        "LogActivity",
    };

    /// <summary>
    /// The scope an RPC needs; a service this map does not know needs admin, the strictest. A preview shows any
    /// visitor's live facts under any candidate policy, so it is admin's, not every routing caller's.
    /// </summary>
    public static string For(string service, string method) =>
        service switch
        {
            "integrationhub.routing.v1.RoutingService" when method.StartsWith("Preview", StringComparison.Ordinal) =>
                Admin,
            "integrationhub.routing.v1.RoutingService"
            or "integrationhub.routing.v1.ConversationService"
            or "integrationhub.routing.v1.PresenceService" => Routing,
            // Read-only connector health for the dashboard; the catalog's full view (endpoints) stays admin.
            "integrationhub.routing.v1.ConnectorCatalogService" when method == "ListConnectorStatuses" => Routing,
            "integrationhub.crm.v1.CrmService" => CrmWrites.Contains(method) ? CrmWrite : CrmRead,
            "integrationhub.enrichment.v1.EnrichmentService" => Enrichment,
            "integrationhub.sequencing.v1.SequencingService" => Sequencing,
            "integrationhub.marketing.v1.MarketingService" => Marketing,
            "integrationhub.meetings.v1.MeetingService" => Meetings,
            _ => Admin,
        };

    /// <summary>The authorization policy that requires <paramref name="scope"/>.</summary>
    public static string Policy(string scope) => "scope:" + scope;
}
