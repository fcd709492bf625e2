namespace IntegrationHub.Routing.Leads.Rules;

/// <summary>
/// One inbound-lead rule of engagement, tried in the policy's order (<c>leads.rules</c>) until one
/// decides. A rule records its outcome on the draft, with the notifications it owes, and returns
/// where the lead goes when it decides, or null to let the next rule try.
/// </summary>
internal interface ILeadRule
{
    string Name { get; }
}

/// <summary>A rule that judges the submission alone: it runs before the CRM is asked.</summary>
internal interface ISubmissionRule : ILeadRule
{
    LeadTarget? Decide(LeadDraft draft);
}

/// <summary>A rule that reads what the CRM says around the lead; the first one reached gathers those facts.</summary>
internal interface ICrmLeadRule : ILeadRule
{
    LeadTarget? Decide(LeadDraft draft, LeadFacts facts);
}
