namespace IntegrationHub.Routing.Leads;

/// <summary>The steps of the inbound-lead rules of engagement, in the order they are tried.</summary>
public static class LeadRuleNames
{
    public const string Spam = "spam";
    public const string MqlThreshold = "mql_threshold";
    public const string PartnerProspecting = "partner_prospecting";
    public const string CustomerConversion = "customer_conversion";
    public const string PublicSector = "public_sector";
    public const string AccountStatus = "account_status";
    public const string NoAccount = "no_account";
    public const string RelatedLeads = "related_leads";

    public static readonly IReadOnlyList<string> All =
        [Spam, MqlThreshold, PartnerProspecting, CustomerConversion, PublicSector, AccountStatus, NoAccount];
}
