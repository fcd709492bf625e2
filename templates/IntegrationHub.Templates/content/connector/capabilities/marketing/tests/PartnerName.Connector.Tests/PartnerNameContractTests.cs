using IntegrationHub.Sdk.Errors;

namespace PartnerName.Connector.Tests;

/// <summary>What the connector sends to the vendor and how it reads the answers, against the fake.</summary>
public sealed class PartnerNameContractTests : IAsyncLifetime
{
    private readonly PartnerNameWorld _world = new();

    [Fact]
    public async Task Programs_come_in_id_order_whatever_order_the_vendor_sends()
    {
        var programs = await _world.Connector().ListProgramsByTagAsync("UsedWithQualified", "True", default);

        Assert.Equal(["1042", "3001"], programs.Select(p => p.Id));
    }

    [Fact]
    public async Task A_blank_tag_value_is_refused_before_the_vendor_is_called()
    {
        var before = _world.Fake.Received;

        var error = await Assert.ThrowsAsync<ConnectorException>(() =>
            _world.Connector().ListProgramsByTagAsync("UsedWithQualified", " ", default)
        );

        Assert.Equal("tag_value", Assert.Single(error.FieldViolations).Field);
        Assert.Equal(before, _world.Fake.Received);
    }

    [Fact]
    public async Task A_refused_key_is_a_vendor_authentication_error()
    {
        var error = await Assert.ThrowsAsync<ConnectorException>(() =>
            _world.Connector(apiKey: "wrong").GetPersonEngagementAsync("aroha.ngata@kiwi-orchard.example", default)
        );

        Assert.Equal(ConnectorErrorKind.VendorAuthentication, error.Kind);
    }

    /// <inheritdoc />
    public Task InitializeAsync() => Task.CompletedTask;

    /// <inheritdoc />
    public Task DisposeAsync() => _world.DisposeAsync().AsTask();
}
