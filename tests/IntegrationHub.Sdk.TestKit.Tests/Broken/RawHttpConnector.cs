using System.Net;
using System.Text.Json.Nodes;
using IntegrationHub.Connectors.SixSense.Fake;
using IntegrationHub.Sdk.Capabilities.Enrichment;

namespace IntegrationHub.Sdk.TestKit.Tests.Broken;

/// <summary>
/// A raw HttpRequestException escaping: a minimal connector with a bare <see cref="HttpClient"/> that calls
/// <see cref="HttpResponseMessage.EnsureSuccessStatusCode"/> and lets whatever it throws reach the hub.
/// </summary>
internal sealed class RawHttpConnector(SixSenseFake fake) : IEnrichmentConnector
{
    public async Task<CompanyIdentification> IdentifyCompanyAsync(
        IPAddress ipAddress,
        CancellationToken cancellationToken
    )
    {
        using var client = new HttpClient { BaseAddress = fake.BaseUrl };
        using var request = new HttpRequestMessage(HttpMethod.Get, $"v3/company/details?ip={ipAddress}");
        request.Headers.TryAddWithoutValidation("Authorization", "Token " + SixSenseFake.ValidToken);
        using var response = await client.SendAsync(request, cancellationToken);
        response.EnsureSuccessStatusCode();
        var company = JsonNode.Parse(await response.Content.ReadAsStringAsync(cancellationToken))?["company"];
        return new CompanyIdentification(
            MatchStatus.Match,
            MatchConfidence.Unspecified,
            new Firmographics(
                company?["name"]?.GetValue<string>() ?? "",
                company?["domain"]?.GetValue<string>() ?? "",
                "",
                "",
                "",
                "",
                "",
                "",
                "",
                0,
                "",
                0,
                "",
                ""
            ),
            [],
            []
        );
    }
}
