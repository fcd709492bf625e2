using IntegrationHub.Hub.Leads;
using IntegrationHub.Routing.Leads;
using IntegrationHub.Server.Errors;
using IntegrationHub.Server.Webhooks;
using Contract = IntegrationHub.Contracts.Routing.V1;

namespace IntegrationHub.Server.RoutingApi;

/// <summary>
/// Validates a RouteLead request at the edge and maps it to the engine's record; every problem is reported at once.
/// </summary>
public static class LeadRequestMapping
{
    public static LeadSubmission ToSubmission(this Contract.RouteLeadRequest request)
    {
        var validator = new RequestValidator();
        var requestId = validator.Required("request_id", request.RequestId, 128);
        if (request.Lead is null)
        {
            validator.Add("lead", "is required");
            validator.ThrowIfInvalid();
        }

        var lead = request.Lead!;
        var email = validator.Email("lead.email", lead.Email, required: true);
        var firstName = validator.Length("lead.first_name", lead.FirstName, 40);
        var lastName = validator.Required("lead.last_name", lead.LastName, 80);
        var company = validator.Required("lead.company", lead.Company, 255);
        var country = validator.Length("lead.country_code", lead.CountryCode, 2);
        if (country.Length is 1 || (country.Length == 2 && !country.All(char.IsAsciiLetter)))
        {
            validator.Add("lead.country_code", "must be an ISO 3166-1 alpha-2 code such as US");
        }

        var title = validator.Length("lead.title", lead.Title, 128);
        var phone = validator.Length("lead.phone", lead.Phone, 40);
        if (phone.Any(c => !(char.IsAsciiDigit(c) || c is '+' or ' ' or '-' or '(' or ')' or '.')))
        {
            validator.Add("lead.phone", "may hold only digits, spaces and + - ( ) .");
        }

        var score = validator.Range("lead.lead_score", lead.LeadScore, 0, 10_000);
        var linkedIn = validator.HttpUrl("lead.linkedin_url", lead.LinkedinUrl, required: false);
        var developers = validator.Range("lead.developer_count", lead.DeveloperCount, 0, 1_000_000);
        validator.ThrowIfInvalid();

        return new LeadSubmission
        {
            RequestId = requestId,
            Email = email,
            FirstName = firstName.Trim(),
            LastName = lastName.Trim(),
            Company = company.Trim(),
            CountryCode = country.ToUpperInvariant(),
            Title = title.Trim(),
            Phone = phone.Trim(),
            LeadScore = score,
            LinkedInUrl = linkedIn?.ToString() ?? "",
            SetUpForTeam = lead.SetUpForTeam,
            DeveloperCount = developers,
        };
    }
}
