using IntegrationHub.Sdk.Capabilities.Sequencing;
using IntegrationHub.Sdk.Errors;
using Xunit;

namespace IntegrationHub.Sdk.TestKit.Conformance;

/// <summary>The conformance suite every sequencing connector must pass.</summary>
public abstract class SequencingConformance : ConnectorConformance<ISequencingConnector>
{
    /// <summary>The email of a prospect the fake holds, with at least one sequence state.</summary>
    protected abstract string KnownEmail { get; }

    /// <summary>A click-through token the fake knows.</summary>
    protected abstract string KnownToken { get; }

    /// <summary>A sequence and a mailbox a prospect can be enrolled with.</summary>
    protected abstract (string SequenceId, string MailboxId) Enrolment { get; }

    /// <summary>The prospect at <see cref="KnownEmail"/> with its sequence states, every field as seeded.</summary>
    protected virtual Prospect KnownProspect => throw NotHandedIn(nameof(KnownProspect));

    /// <summary>What <see cref="KnownToken"/> was seeded to resolve to: prospect, owner, sequence, time.</summary>
    protected virtual ClickThrough KnownClickThrough => throw NotHandedIn(nameof(KnownClickThrough));

    /// <summary>Sequence states in id order: the order a vendor lists them in is not part of the contract.</summary>
    private static Prospect ByState(Prospect prospect) =>
        prospect with
        {
            SequenceStates = [.. prospect.SequenceStates.OrderBy(s => s.Id, StringComparer.Ordinal)],
        };

    private protected override Task CallVendorAsync(ISequencingConnector connector, CancellationToken ct) =>
        connector.GetProspectByEmailAsync(KnownEmail, ct);

    [Fact]
    public async Task A_prospect_is_found_by_email_with_its_sequence_states()
    {
        var sequencing = await CreateConnectorAsync(VendorCondition.Healthy);
        var prospect = await sequencing.GetProspectByEmailAsync(KnownEmail, CancellationToken.None);
        Assert.Contains(KnownEmail, prospect!.Emails, StringComparer.OrdinalIgnoreCase);
        Assert.NotEmpty(prospect.SequenceStates);
    }

    [Fact]
    public async Task The_prospect_and_its_sequence_states_are_every_field_the_fake_was_seeded_with()
    {
        var sequencing = await CreateConnectorAsync(VendorCondition.Healthy);
        var prospect = await sequencing.GetProspectByEmailAsync(KnownEmail, CancellationToken.None);
        SeededFields.AssertMatch(ByState(KnownProspect), prospect is null ? null : ByState(prospect));
        var states = await sequencing.ListSequenceStatesAsync(KnownProspect.Id, CancellationToken.None);
        SeededFields.AssertMatch(
            ByState(KnownProspect).SequenceStates,
            [.. states.OrderBy(s => s.Id, StringComparer.Ordinal)]
        );
    }

    [Fact]
    public async Task A_click_through_is_every_field_the_fake_was_seeded_with()
    {
        var sequencing = await CreateConnectorAsync(VendorCondition.Healthy);
        var click = await sequencing.ResolveClickThroughAsync(KnownToken, CancellationToken.None);
        SeededFields.AssertMatch(
            KnownClickThrough with
            {
                Prospect = ByState(KnownClickThrough.Prospect),
            },
            click is null ? null : click with { Prospect = ByState(click.Prospect) }
        );
    }

    [Fact]
    public async Task Unknown_email_and_unknown_token_are_null()
    {
        var sequencing = await CreateConnectorAsync(VendorCondition.Healthy);
        Assert.Null(await sequencing.GetProspectByEmailAsync("nobody@conformance.example", CancellationToken.None));
        Assert.Null(await sequencing.ResolveClickThroughAsync("no-such-token", CancellationToken.None));
    }

    [Fact]
    public async Task A_known_token_names_the_prospect_and_the_sequence_owner()
    {
        var sequencing = await CreateConnectorAsync(VendorCondition.Healthy);
        var click = await sequencing.ResolveClickThroughAsync(KnownToken, CancellationToken.None);
        Assert.NotNull(click);
        Assert.False(string.IsNullOrEmpty(click.SequenceOwner.Email));
    }

    [Fact]
    public async Task Enrolling_twice_enrols_once()
    {
        var sequencing = await CreateConnectorAsync(VendorCondition.Healthy);
        var prospect = (await sequencing.GetProspectByEmailAsync(KnownEmail, CancellationToken.None))!;
        var (sequence, mailbox) = Enrolment;
        var first = await sequencing.EnrollProspectAsync(
            new EnrollmentRequest(prospect.Id, sequence, mailbox, "conformance-1"),
            CancellationToken.None
        );
        var second = await sequencing.EnrollProspectAsync(
            new EnrollmentRequest(prospect.Id, sequence, mailbox, "conformance-1"),
            CancellationToken.None
        );
        Assert.True(first.Created);
        Assert.False(second.Created);
        Assert.Equal(first.SequenceState.Id, second.SequenceState.Id);
    }

    [Fact]
    public async Task Enrolling_an_unknown_prospect_is_invalid_argument()
    {
        var sequencing = await CreateConnectorAsync(VendorCondition.Healthy);
        var (sequence, mailbox) = Enrolment;
        var error = await AssertFailsWith(ConnectorErrorKind.InvalidArgument, () =>
            sequencing.EnrollProspectAsync(
                new EnrollmentRequest("999999999", sequence, mailbox, "k"),
                CancellationToken.None
            )
        );
        Assert.NotEmpty(error.FieldViolations);
    }
}
