using System.Text.Json;
using System.Text.Json.Serialization;
using IntegrationHub.Sdk.Capabilities.Enrichment;
using IntegrationHub.Sdk.Errors;

namespace PartnerName.Connector;

/// <summary>The vendor's company body, mapped onto the SDK's records.</summary>
internal static class PartnerNameCompanyParser
{
    public static CompanyIdentification Parse(string body)
    {
        CompanyBody? company;
        try
        {
            company = JsonSerializer.Deserialize<CompanyBody>(body);
        }
        catch (JsonException e)
        {
            throw new ConnectorException(
                ConnectorErrorKind.VendorProtocol,
                "PartnerName sent a body it documents no shape for.",
                e
            )
            {
                Vendor = PartnerNameConnector.Name,
            };
        }

        if (company is null || string.IsNullOrEmpty(company.Domain))
        {
            return CompanyIdentification.NoMatch;
        }

        return new CompanyIdentification(
            MatchStatus.Match,
            MatchConfidence.High,
            new Firmographics(
                company.Name ?? "",
                company.Domain,
                company.CountryCode ?? "",
                company.Country ?? "",
                company.Region ?? "",
                "",
                company.City ?? "",
                company.Industry ?? "",
                "",
                company.Employees,
                "",
                0,
                "",
                ""
            ),
            [],
            []
        );
    }

    private sealed record CompanyBody(
        [property: JsonPropertyName("name")] string? Name,
        [property: JsonPropertyName("domain")] string? Domain,
        [property: JsonPropertyName("country_code")] string? CountryCode,
        [property: JsonPropertyName("country")] string? Country,
        [property: JsonPropertyName("region")] string? Region,
        [property: JsonPropertyName("city")] string? City,
        [property: JsonPropertyName("industry")] string? Industry,
        [property: JsonPropertyName("employees")] long Employees
    );
}
