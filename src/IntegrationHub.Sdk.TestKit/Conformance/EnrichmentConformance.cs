using System.Net;
using IntegrationHub.Sdk.Capabilities.Enrichment;
using IntegrationHub.Sdk.Errors;
using Xunit;

namespace IntegrationHub.Sdk.TestKit.Conformance;

/// <summary>The conformance suite every enrichment connector must pass.</summary>
public abstract class EnrichmentConformance : ConnectorConformance<IEnrichmentConnector>
{
    /// <summary>An IP the fake resolves to a company.</summary>
    protected abstract IPAddress KnownIp { get; }

    /// <summary>The domain of the company <see cref="KnownIp"/> resolves to.</summary>
    protected abstract string KnownDomain { get; }

    /// <summary>An IP the fake knows nothing about.</summary>
    protected abstract IPAddress UnknownIp { get; }

    /// <summary>
    /// What the fake was seeded with for <see cref="KnownIp"/>, as the connector should return it: match,
    /// confidence, every firmographic (CountryCode the ISO 3166 alpha-2 code), every product score (in any order: a
    /// connector may put its primary product first) and every segment.
    /// </summary>
    protected virtual CompanyIdentification KnownCompany => throw NotHandedIn(nameof(KnownCompany));

    private protected override Task CallVendorAsync(IEnrichmentConnector connector, CancellationToken ct) =>
        connector.IdentifyCompanyAsync(KnownIp, ct);

    [Fact]
    public async Task Known_ip_is_identified_with_its_company()
    {
        var connector = await CreateConnectorAsync(VendorCondition.Healthy);
        var result = await connector.IdentifyCompanyAsync(KnownIp, CancellationToken.None);
        Assert.Equal(MatchStatus.Match, result.MatchStatus);
        Assert.Equal(KnownDomain, result.Company?.Domain);
    }

    [Fact]
    public async Task The_identified_company_is_every_field_the_fake_was_seeded_with()
    {
        var connector = await CreateConnectorAsync(VendorCondition.Healthy);
        var result = await connector.IdentifyCompanyAsync(KnownIp, CancellationToken.None);
        SeededFields.AssertMatch(ByProduct(KnownCompany), ByProduct(result));
        Assert.Matches("^[A-Z]{2}$", result.Company?.CountryCode ?? "");
    }

    private static CompanyIdentification ByProduct(CompanyIdentification identification) =>
        identification with
        {
            ProductScores = [.. identification.ProductScores.OrderBy(p => p.Product, StringComparer.Ordinal)],
        };

    [Fact]
    public async Task Unknown_ip_is_no_match_not_an_error()
    {
        var connector = await CreateConnectorAsync(VendorCondition.Healthy);
        var result = await connector.IdentifyCompanyAsync(UnknownIp, CancellationToken.None);
        Assert.NotEqual(MatchStatus.Match, result.MatchStatus);
    }

    [Theory]
    [InlineData("0.0.0.0")]
    [InlineData("::")]
    [InlineData("255.255.255.255")]
    public async Task Unroutable_ip_is_invalid_argument(string ip)
    {
        var connector = await CreateConnectorAsync(VendorCondition.Healthy);
        var error = await AssertFailsWith(ConnectorErrorKind.InvalidArgument, () =>
            connector.IdentifyCompanyAsync(IPAddress.Parse(ip), CancellationToken.None)
        );
        Assert.NotEmpty(error.FieldViolations);
    }
}
