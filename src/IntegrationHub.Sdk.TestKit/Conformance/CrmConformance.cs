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

    /// <summary>The account at <see cref="KnownDomain"/>, every field as the fake was seeded with it.</summary>
    protected virtual Account KnownAccount => throw NotHandedIn(nameof(KnownAccount));

    /// <summary>A lead or contact the fake holds, every field as seeded; found by its email.</summary>
    protected virtual Person KnownPerson => throw NotHandedIn(nameof(KnownPerson));

    /// <summary>A CRM user the fake holds, as seeded; it also owns the lead the suite writes.</summary>
    protected virtual CrmUser KnownUser => throw NotHandedIn(nameof(KnownUser));

    private static LeadFields Lead(string email) =>
        new()
        {
            Email = email,
            FirstName = "Conformance",
            LastName = "Lead",
            Company = "Conformance Inc",
        };

    private protected override Task CallVendorAsync(ICrmConnector connector, CancellationToken ct) =>
        connector.GetAccountByDomainAsync(KnownDomain, ct);

    [Fact]
    public async Task An_account_is_found_by_its_domain_whatever_the_case()
    {
        var crm = await CreateConnectorAsync(VendorCondition.Healthy);
        var account = await crm.GetAccountByDomainAsync(KnownDomain.ToUpperInvariant(), CancellationToken.None);
        Assert.Equal(KnownDomain, account?.Domain);
        Assert.Equal(account?.Id, (await crm.GetAccountByIdAsync(account!.Id, CancellationToken.None))?.Id);
    }

    [Fact]
    public async Task The_account_is_every_field_the_fake_was_seeded_with()
    {
        var crm = await CreateConnectorAsync(VendorCondition.Healthy);
        SeededFields.AssertMatch(KnownAccount, await crm.GetAccountByDomainAsync(KnownDomain, CancellationToken.None));
        SeededFields.AssertMatch(KnownAccount, await crm.GetAccountByIdAsync(KnownAccount.Id, CancellationToken.None));
    }

    [Fact]
    public async Task A_person_and_a_user_are_every_field_the_fake_was_seeded_with()
    {
        var crm = await CreateConnectorAsync(VendorCondition.Healthy);
        var people = await crm.FindPeopleAsync(new PeopleQuery(Email: KnownPerson.Email), CancellationToken.None);
        SeededFields.AssertMatch<IReadOnlyList<Person>>([KnownPerson], people);
        SeededFields.AssertMatch(KnownUser, await crm.GetUserAsync(KnownUser.Id, CancellationToken.None));
    }

    [Fact]
    public async Task An_upserted_lead_reads_back_with_every_field_written()
    {
        var crm = await CreateConnectorAsync(VendorCondition.Healthy);
        var key = "conformance-" + Guid.NewGuid().ToString("N");
        var mqlAt = Time.GetUtcNow().AddDays(-1);
        var lead = new LeadFields
        {
            Email = $"{key}@conformance.example",
            FirstName = "Ada",
            LastName = "Lovelace",
            Company = "Analytical Engines GmbH",
            Title = "Head of Computing",
            Phone = "+49 30 1234567",
            CountryCode = "DE",
            Status = LeadStatus.Mql,
            OwnerUserId = KnownUser.Id,
            LeadScore = 87,
            MqlAt = mqlAt.AddTicks(-(mqlAt.Ticks % TimeSpan.TicksPerSecond)),
        };

        var written = (await crm.UpsertLeadAsync(key, lead, CancellationToken.None)).Lead;
        var found = Assert.Single(
            await crm.FindPeopleAsync(new PeopleQuery(Email: lead.Email), CancellationToken.None)
        );

        foreach (var person in new[] { written, found })
        {
            SeededFields.AssertMatch(AsWritten(person, key, lead), person);
        }
    }

    /// <summary>The person with every field the lead wrote, the rest as read.</summary>
    private static Person AsWritten(Person read, string externalId, LeadFields lead) =>
        read with
        {
            Kind = PersonKind.Lead,
            Email = lead.Email,
            FirstName = lead.FirstName,
            LastName = lead.LastName,
            Company = lead.Company,
            Title = lead.Title,
            Phone = lead.Phone,
            CountryCode = lead.CountryCode,
            Status = lead.Status,
            OwnerUserId = lead.OwnerUserId,
            LeadScore = lead.LeadScore,
            MqlAt = lead.MqlAt,
            ExternalId = externalId,
        };

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
}
