namespace IntegrationHub.Routing.Leads;

/// <summary>The steps of the inbound-lead rules of engagement (DOMAIN.md, "Inbound lead routing").</summary>
public static class LeadRuleNames
{
    public const string Spam = "spam";
    public const string MqlThreshold = "mql_threshold";
    public const string PartnerProspecting = "partner_prospecting";
    public const string CustomerConversion = "customer_conversion";
    public const string PublicSector = "public_sector";
    public const string AccountStatus = "account_status";
    public const string NoAccount = "no_account";

    /// <summary>
    /// Not one of the ordered rules: it follows whichever rule sends the lead to the SDR team, and
    /// when it keeps the company with one owner it is the rule that chose the target.
    /// </summary>
    public const string RelatedLeads = "related_leads";

    /// <summary>The rules a policy orders (<c>leads.rules</c>), in DOMAIN.md's order: the default order.</summary>
    public static readonly IReadOnlyList<string> All =
    [
        Spam,
        MqlThreshold,
        PartnerProspecting,
        CustomerConversion,
        PublicSector,
        AccountStatus,
        NoAccount,
    ];

    /// <summary>
    /// Where every order starts: a lead is judged on its own, and spam or a non-MQL stops before the CRM is asked.
    /// </summary>
    public static readonly IReadOnlyList<string> Opening = [Spam, MqlThreshold];

    /// <summary>
    /// Where every order ends: with an account the status decides, without one the SDR team takes it.
    /// </summary>
    public static readonly IReadOnlyList<string> Closing = [AccountStatus, NoAccount];
}
