using IntegrationHub.Sdk.Capabilities.Sequencing;
using IntegrationHub.Sdk.Errors;

namespace IntegrationHub.Connectors.Outreach.Tests;

/// <summary>Ids that cannot be Outreach's are the caller's mistake, refused before Outreach sees a request.</summary>
public sealed class OutreachIdTests : IAsyncLifetime
{
    private readonly OutreachWorld _world = new();

    public static TheoryData<string, string, string, string[]> MalformedEnrolments() =>
        new()
        {
            { "' OR 1=1; --", "42", "7", ["prospect_id"] },
            { "18", "\u0000abc", "7", ["sequence_id"] },
            { "18", "42", "-7", ["mailbox_id"] },
            { "018", "4 2", "", ["prospect_id", "sequence_id", "mailbox_id"] },
        };

    [Theory]
    [MemberData(nameof(MalformedEnrolments))]
    public async Task An_enrolment_with_a_malformed_id_is_invalid_and_reaches_no_vendor(
        string prospect,
        string sequence,
        string mailbox,
        string[] fields
    )
    {
        var connector = _world.Connector();

        var error = await Assert.ThrowsAsync<ConnectorException>(() =>
            connector.EnrollProspectAsync(
                new EnrollmentRequest(prospect, sequence, mailbox, "key-1"),
                CancellationToken.None
            )
        );

        Assert.Equal(ConnectorErrorKind.InvalidArgument, error.Kind);
        Assert.Equal(fields, error.FieldViolations.Select(v => v.Field));
        Assert.Empty(_world.Fake.Requests);
    }

    [Fact]
    public async Task Reading_or_finishing_the_sequences_of_a_malformed_prospect_id_reaches_no_vendor()
    {
        var connector = _world.Connector();

        await Assert.ThrowsAsync<ConnectorException>(() =>
            connector.ListSequenceStatesAsync("18 OR 1=1", CancellationToken.None)
        );
        await Assert.ThrowsAsync<ConnectorException>(() =>
            connector.FinishProspectSequencesAsync("../prospects", CancellationToken.None)
        );

        Assert.Empty(_world.Fake.Requests);
    }

    [Fact]
    public async Task A_well_formed_id_still_reaches_outreach()
    {
        var states = await _world.Connector().ListSequenceStatesAsync("18", CancellationToken.None);

        Assert.Equal(3, states.Count);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _world.DisposeAsync();
}
