using IntegrationHub.Sdk.Capabilities.Sequencing;
using IntegrationHub.Sdk.Errors;

namespace PartnerName.Connector.Tests;

/// <summary>What the connector sends to the vendor and how it reads the answers, against the fake.</summary>
public sealed class PartnerNameContractTests : IAsyncLifetime
{
    private readonly PartnerNameWorld _world = new();

    [Fact]
    public async Task Finishing_a_prospects_sequences_finishes_the_active_and_paused_ones()
    {
        var sequencing = _world.Connector();

        var finished = await sequencing.FinishProspectSequencesAsync("7001", default);
        var states = await sequencing.ListSequenceStatesAsync("7001", default);

        Assert.Equal(1, finished);
        Assert.All(states, s => Assert.Equal(SequenceStateKind.Finished, s.State));
    }

    [Fact]
    public async Task The_states_of_an_unknown_prospect_are_not_found()
    {
        var error = await Assert.ThrowsAsync<ConnectorException>(() =>
            _world.Connector().ListSequenceStatesAsync("404", default)
        );

        Assert.Equal(ConnectorErrorKind.NotFound, error.Kind);
    }

    [Fact]
    public async Task A_refused_key_is_a_vendor_authentication_error()
    {
        var error = await Assert.ThrowsAsync<ConnectorException>(() =>
            _world.Connector(apiKey: "wrong").ResolveClickThroughAsync("ct-kiwi-aroha", default)
        );

        Assert.Equal(ConnectorErrorKind.VendorAuthentication, error.Kind);
    }

    /// <inheritdoc />
    public Task InitializeAsync() => Task.CompletedTask;

    /// <inheritdoc />
    public Task DisposeAsync() => _world.DisposeAsync().AsTask();
}
