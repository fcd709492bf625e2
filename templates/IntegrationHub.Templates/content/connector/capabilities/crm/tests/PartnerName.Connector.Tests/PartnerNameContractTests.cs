using IntegrationHub.Sdk.Capabilities.Crm;
using IntegrationHub.Sdk.Errors;
using PartnerName.Connector.Fake;

namespace PartnerName.Connector.Tests;

/// <summary>What the connector sends to the vendor and how it reads the answers, against the fake.</summary>
public sealed class PartnerNameContractTests : IAsyncLifetime
{
    private readonly PartnerNameWorld _world = new();

    [Fact]
    public async Task The_account_names_its_owner_and_bdr_and_the_owner_is_a_user()
    {
        var crm = _world.Connector();

        var account = await crm.GetAccountByDomainAsync("kiwi-orchard.example", CancellationToken.None);
        var owner = await crm.GetUserAsync(account!.OwnerUserId!, CancellationToken.None);

        Assert.Equal(("U-100", "U-200"), (account.OwnerUserId, account.BdrAssignedUserId));
        Assert.Equal("mia.kowalski@partnername.example", owner?.Email);
    }

    [Fact]
    public async Task A_converted_lead_becomes_a_contact_of_the_account_and_its_activity_is_listed()
    {
        var crm = _world.Connector();
        var lead = Assert.Single(
            await crm.FindPeopleAsync(new PeopleQuery(Email: "ingrid.berg@fjord-freight.example"), default)
        );

        var contact = await crm.ConvertLeadAsync(lead.Id, "A-2", CancellationToken.None);
        var at = _world.Time.GetUtcNow();
        await crm.LogActivityAsync(new Activity(null, lead.Id, "U-200", ActivityKind.Call, at, "Intro"), default);

        Assert.Equal((PersonKind.Contact, "A-2"), (contact.Kind, contact.AccountId));
        Assert.Equal(
            "Intro",
            Assert.Single(await crm.ListActivitiesAsync(lead.Id, at.AddMinutes(-1), default)).Subject
        );
    }

    [Fact]
    public async Task A_lead_with_no_email_is_refused_before_the_vendor_is_called()
    {
        var crm = _world.Connector();
        var before = _world.Fake.Received;

        var error = await Assert.ThrowsAsync<ConnectorException>(() =>
            crm.UpsertLeadAsync(
                "k",
                new LeadFields
                {
                    Email = "",
                    LastName = "L",
                    Company = "C",
                },
                default
            )
        );

        Assert.Equal("lead.email", Assert.Single(error.FieldViolations).Field);
        Assert.Equal(before, _world.Fake.Received);
    }

    [Fact]
    public async Task A_refused_key_is_a_vendor_authentication_error()
    {
        var error = await Assert.ThrowsAsync<ConnectorException>(() =>
            _world.Connector(apiKey: "wrong").GetAccountByDomainAsync("kiwi-orchard.example", default)
        );

        Assert.Equal(ConnectorErrorKind.VendorAuthentication, error.Kind);
    }

    /// <inheritdoc />
    public Task InitializeAsync() => Task.CompletedTask;

    /// <inheritdoc />
    public Task DisposeAsync() => _world.DisposeAsync().AsTask();
}
