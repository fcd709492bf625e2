using System.Net;
using IntegrationHub.Sdk.Capabilities.Enrichment;
using IntegrationHub.Sdk.FakeKit;
using IntegrationHub.Sdk.TestKit.Conformance;
using PartnerName.Connector.Fake;

namespace PartnerName.Connector.Tests;

/// <summary>The SDK's enrichment conformance suite, run against the PartnerName connector and its fake.</summary>
public sealed class PartnerNameConformanceTests : EnrichmentConformance, IAsyncLifetime
{
    private readonly PartnerNameWorld _world = new();

    /// <inheritdoc />
    protected override VendorFake Vendor => _world.Fake;

    /// <inheritdoc />
    protected override IPAddress KnownIp => IPAddress.Parse(PartnerNameSandboxSeed.KnownVisitorIp);

    /// <inheritdoc />
    protected override string KnownDomain => PartnerNameSandboxSeed.Companies[0].Domain;

    /// <inheritdoc />
    protected override IPAddress UnknownIp => IPAddress.Parse("203.0.113.250");

    /// <summary>
    /// What the connector must answer for <see cref="KnownIp"/>, written from the seed by hand (not by the connector's
    /// own parser), so a field the connector maps wrongly fails the suite.
    /// </summary>
    protected override CompanyIdentification KnownCompany
    {
        get
        {
            var seed = PartnerNameSandboxSeed.Companies[0];
            return new CompanyIdentification(
                MatchStatus.Match,
                MatchConfidence.High,
                new Firmographics(
                    Name: seed.Name,
                    Domain: seed.Domain,
                    CountryCode: seed.CountryCode,
                    Country: seed.Country,
                    Region: seed.Region,
                    State: "",
                    City: seed.City,
                    Industry: seed.Industry,
                    EmployeeRange: "",
                    EmployeeCount: seed.Employees,
                    RevenueRange: "",
                    AnnualRevenueUsd: 0,
                    Sic: "",
                    Naics: ""
                ),
                [],
                []
            );
        }
    }

    /// <inheritdoc />
    protected override Task<IEnrichmentConnector> CreateConnectorAsync(VendorCondition condition) =>
        Task.FromResult<IEnrichmentConnector>(_world.Connector(tune: SettingsFor(condition)));

    /// <inheritdoc />
    public Task InitializeAsync() => Task.CompletedTask;

    /// <inheritdoc />
    public Task DisposeAsync() => _world.DisposeAsync().AsTask();
}
