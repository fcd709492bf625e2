using System.Net;
using IntegrationHub.Sdk.Capabilities.Enrichment;
using IntegrationHub.Sdk.Errors;
using PartnerName.Connector.Fake;

namespace PartnerName.Connector.Tests;

/// <summary>What the connector sends to the vendor and how it reads the answers, against the fake.</summary>
public sealed class PartnerNameContractTests : IAsyncLifetime
{
    private readonly PartnerNameWorld _world = new();

    [Fact]
    public async Task A_known_visitor_gets_every_firmographic_the_vendor_sent()
    {
        var seeded = PartnerNameSandboxSeed.Companies[0];

        var result = await _world
            .Connector()
            .IdentifyCompanyAsync(IPAddress.Parse(PartnerNameSandboxSeed.KnownVisitorIp), CancellationToken.None);

        Assert.Equal(MatchStatus.Match, result.MatchStatus);
        var company = Assert.IsType<Firmographics>(result.Company);
        Assert.Equal(
            (seeded.Name, seeded.Domain, seeded.CountryCode, seeded.Country, seeded.City, seeded.Employees),
            (company.Name, company.Domain, company.CountryCode, company.Country, company.City, company.EmployeeCount)
        );
    }

    [Fact]
    public async Task The_api_key_is_sent_in_its_header()
    {
        await _world
            .Connector()
            .IdentifyCompanyAsync(IPAddress.Parse(PartnerNameSandboxSeed.KnownVisitorIp), CancellationToken.None);

        var sent = Assert.Single(_world.Fake.Requests).RequestMessage;
        Assert.Equal(PartnerNameFake.ValidApiKey, sent!.Headers!["X-Api-Key"].Single());
    }

    [Fact]
    public async Task A_refused_key_is_a_vendor_authentication_error()
    {
        var error = await Assert.ThrowsAsync<ConnectorException>(() =>
            _world
                .Connector(apiKey: "wrong")
                .IdentifyCompanyAsync(IPAddress.Parse(PartnerNameSandboxSeed.KnownVisitorIp), CancellationToken.None)
        );

        Assert.Equal(ConnectorErrorKind.VendorAuthentication, error.Kind);
    }

    /// <inheritdoc />
    public Task InitializeAsync() => Task.CompletedTask;

    /// <inheritdoc />
    public Task DisposeAsync() => _world.DisposeAsync().AsTask();
}
