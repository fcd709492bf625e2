namespace IntegrationHub.Routing.Leads;

/// <summary>An inbound lead from a form, already validated at the edge.</summary>
public sealed record LeadSubmission
{
    public required string RequestId { get; init; }
    public required string Email { get; init; }
    public string FirstName { get; init; } = "";
    public required string LastName { get; init; }
    public required string Company { get; init; }
    public string CountryCode { get; init; } = "";
    public string Title { get; init; } = "";
    public string Phone { get; init; } = "";
    public int LeadScore { get; init; }
    public string LinkedInUrl { get; init; } = "";
    public bool SetUpForTeam { get; init; }
    public int DeveloperCount { get; init; }

    public string EmailDomain => Email[(Email.IndexOf('@', StringComparison.Ordinal) + 1)..].ToLowerInvariant();

    /// <summary>
    /// The key the lead is upserted on in the CRM: one per email, so the same person
    /// submitting twice updates one lead instead of creating two.
    /// </summary>
    public string LeadKey =>
        "hub-"
        + Convert.ToHexStringLower(
            System.Security.Cryptography.SHA256.HashData(
                System.Text.Encoding.UTF8.GetBytes(Email.Trim().ToLowerInvariant())
            )
        )[..24];
}
