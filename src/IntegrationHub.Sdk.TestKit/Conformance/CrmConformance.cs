using IntegrationHub.Sdk.Capabilities.Crm;
using IntegrationHub.Sdk.Errors;
using Xunit;

namespace IntegrationHub.Sdk.TestKit.Conformance;

/// <summary>The conformance suite every CRM connector must pass.</summary>
public abstract class CrmConformance : ConnectorConformance<ICrmConnector>
{
    /// <summary>The web domain of an account the fake holds.</summary>
    protected abstract string KnownDomain { get; }

    /// <summary>A domain no account has.</summary>
    protected virtual string UnknownDomain => "no-such-company.example";

    /// <summary>
    /// A well-formed id of a person the fake does not know (a malformed one is INVALID_ARGUMENT, not NOT_FOUND).
    /// </summary>
    protected virtual string UnknownPersonId => "00QNOPE000000002DA";

    /// <summary>A well-formed id of a CRM user the fake knows or not; the owner of an unknown person.</summary>
    protected virtual string SomeUserId => "005000000000000AAA";

    private static LeadFields Lead(string email) =>
        new()
        {
            Email = email,
            FirstName = "Conformance",
            LastName = "Lead",
            Company = "Conformance Inc",
        };

    [Fact]
    public async Task An_account_is_found_by_its_domain_whatever_the_case()
    {
        var crm = await CreateConnectorAsync(VendorCondition.Healthy);
        var account = await crm.GetAccountByDomainAsync(KnownDomain.ToUpperInvariant(), CancellationToken.None);
        Assert.Equal(KnownDomain, account?.Domain);
        Assert.Equal(account?.Id, (await crm.GetAccountByIdAsync(account!.Id, CancellationToken.None))?.Id);
    }

    [Fact]
    public async Task An_unknown_domain_is_null_not_an_error()
    {
        var crm = await CreateConnectorAsync(VendorCondition.Healthy);
        Assert.Null(await crm.GetAccountByDomainAsync(UnknownDomain, CancellationToken.None));
    }

    [Fact]
    public async Task Upserting_twice_with_one_external_id_makes_one_lead()
    {
        var crm = await CreateConnectorAsync(VendorCondition.Healthy);
        var key = "conformance-" + Guid.NewGuid().ToString("N");
        var first = await crm.UpsertLeadAsync(key, Lead($"{key}@conformance.example"), CancellationToken.None);
        var second = await crm.UpsertLeadAsync(
            key,
            Lead($"{key}@conformance.example") with
            {
                Title = "Updated",
            },
            CancellationToken.None
        );

        Assert.True(first.Created);
        Assert.False(second.Created);
        Assert.Equal(first.Lead.Id, second.Lead.Id);
        Assert.Equal("Updated", second.Lead.Title);
        Assert.Single(
            await crm.FindPeopleAsync(new PeopleQuery(Email: $"{key}@conformance.example"), CancellationToken.None)
        );
    }

    [Fact]
    public async Task A_lead_without_required_fields_is_invalid_argument()
    {
        var crm = await CreateConnectorAsync(VendorCondition.Healthy);
        var error = await AssertFailsWith(ConnectorErrorKind.InvalidArgument, () => crm.UpsertLeadAsync(
                "k",
                new LeadFields
                {
                    Email = "x@conformance.example",
                    LastName = "",
                    Company = "",
                },
                CancellationToken.None
            ));
        Assert.Contains(error.FieldViolations, v => v.Field == "lead.last_name");
        Assert.Contains(error.FieldViolations, v => v.Field == "lead.company");
    }

    [Fact]
    public async Task Changing_the_owner_of_an_unknown_person_is_not_found()
    {
        var crm = await CreateConnectorAsync(VendorCondition.Healthy);
        await AssertFailsWith(ConnectorErrorKind.NotFound, () =>
            crm.ChangeOwnerAsync(UnknownPersonId, SomeUserId, CancellationToken.None)
        );
    }

    [Fact]
    public async Task Vendor_outage_is_vendor_unavailable()
    {
        var crm = await CreateConnectorAsync(VendorCondition.Down);
        await AssertFailsWith(ConnectorErrorKind.VendorUnavailable, () =>
            crm.GetAccountByDomainAsync(KnownDomain, CancellationToken.None)
        );
    }

    [Fact]
    public async Task Cancellation_is_honoured()
    {
        var crm = await CreateConnectorAsync(VendorCondition.Healthy);
        await AssertCancelled(ct => crm.GetAccountByDomainAsync(KnownDomain, ct));
    }
}
