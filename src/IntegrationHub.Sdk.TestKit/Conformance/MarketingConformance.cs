using IntegrationHub.Sdk.Capabilities.Marketing;
using IntegrationHub.Sdk.Errors;
using Xunit;

namespace IntegrationHub.Sdk.TestKit.Conformance;

/// <summary>The conformance suite every marketing-automation connector must pass.</summary>
public abstract class MarketingConformance : ConnectorConformance<IMarketingConnector>
{
    /// <summary>How many programs carry UsedWithQualified = True in the fake.</summary>
    protected abstract int TaggedProgramCount { get; }

    /// <summary>The email of a person the fake knows.</summary>
    protected abstract string KnownEmail { get; }

    /// <summary>A program carrying UsedWithQualified = True, every field as the fake was seeded with it.</summary>
    protected virtual MarketingProgram KnownProgram => throw NotHandedIn(nameof(KnownProgram));

    /// <summary>The engagement of <see cref="KnownEmail"/>, every field as seeded.</summary>
    protected virtual PersonEngagement KnownEngagement => throw NotHandedIn(nameof(KnownEngagement));

    private protected override Task CallVendorAsync(IMarketingConnector connector, CancellationToken ct) =>
        connector.GetPersonEngagementAsync(KnownEmail, ct);

    [Fact]
    public async Task Tagged_programs_are_all_listed_in_id_order_with_their_tag()
    {
        var marketing = await CreateConnectorAsync(VendorCondition.Healthy);
        var programs = await marketing.ListProgramsByTagAsync("UsedWithQualified", "True", CancellationToken.None);
        Assert.Equal(TaggedProgramCount, programs.Count);
        Assert.All(programs, p => Assert.Contains(new ProgramTag("UsedWithQualified", "True"), p.Tags));
        Assert.Equal(
            programs.Select(p => long.Parse(p.Id, System.Globalization.CultureInfo.InvariantCulture)).Order(),
            programs.Select(p => long.Parse(p.Id, System.Globalization.CultureInfo.InvariantCulture))
        );
    }

    [Fact]
    public async Task A_known_person_has_engagement_and_an_unknown_one_is_null()
    {
        var marketing = await CreateConnectorAsync(VendorCondition.Healthy);
        Assert.Equal(
            KnownEmail,
            (await marketing.GetPersonEngagementAsync(KnownEmail, CancellationToken.None))?.Email,
            StringComparer.OrdinalIgnoreCase
        );
        Assert.Null(await marketing.GetPersonEngagementAsync("nobody@conformance.example", CancellationToken.None));
    }

    [Fact]
    public async Task A_program_and_an_engagement_are_every_field_the_fake_was_seeded_with()
    {
        var marketing = await CreateConnectorAsync(VendorCondition.Healthy);
        var programs = await marketing.ListProgramsByTagAsync("UsedWithQualified", "True", CancellationToken.None);
        SeededFields.AssertMatch(KnownProgram, programs.SingleOrDefault(p => p.Id == KnownProgram.Id));
        SeededFields.AssertMatch(
            KnownEngagement,
            await marketing.GetPersonEngagementAsync(KnownEmail, CancellationToken.None)
        );
    }

    [Fact]
    public async Task A_blank_tag_is_invalid_argument()
    {
        var marketing = await CreateConnectorAsync(VendorCondition.Healthy);
        var error = await AssertFailsWith(ConnectorErrorKind.InvalidArgument, () =>
            marketing.ListProgramsByTagAsync("", "True", CancellationToken.None)
        );
        Assert.NotEmpty(error.FieldViolations);
    }
}
