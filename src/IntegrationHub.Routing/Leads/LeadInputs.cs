namespace IntegrationHub.Routing.Leads;

/// <summary>
/// What a lead decision was made from, kept with it for replay: the submission, and the CRM's
/// facts when they were gathered (a lead stopped as spam or below the MQL bar never asks the CRM).
/// </summary>
public sealed record LeadInputs(LeadSubmission Lead, LeadFacts? Facts);
