using IntegrationHub.Sdk.Capabilities.Meetings;
using IntegrationHub.Sdk.Errors;

namespace PartnerName.Connector.Tests;

/// <summary>What the connector sends to the vendor and how it reads the answers, against the fake.</summary>
public sealed class PartnerNameContractTests : IAsyncLifetime
{
    private const string Rep = "tane.rangi@partnername.example";

    private readonly PartnerNameWorld _world = new();

    [Fact]
    public async Task A_cancelled_meeting_frees_its_slot_again()
    {
        var meetings = _world.Connector();
        var start = new DateTimeOffset(_world.Time.GetUtcNow().UtcDateTime.Date, TimeSpan.Zero).AddDays(2).AddHours(9);
        var booked = await meetings.CreateMeetingAsync(
            new MeetingRequest(Rep, "Intro", start, TimeSpan.FromMinutes(30), "UTC", null, "contract-1"),
            default
        );

        await meetings.CancelMeetingAsync(booked.Id, default);

        var again = await meetings.CreateMeetingAsync(
            new MeetingRequest(Rep, "Intro again", start, TimeSpan.FromMinutes(30), "UTC", null, "contract-2"),
            default
        );
        Assert.NotEqual(booked.Id, again.Id);
    }

    [Fact]
    public async Task A_refused_key_is_a_vendor_authentication_error()
    {
        var error = await Assert.ThrowsAsync<ConnectorException>(() =>
            _world.Connector(apiKey: "wrong").CancelMeetingAsync("5001", default)
        );

        Assert.Equal(ConnectorErrorKind.VendorAuthentication, error.Kind);
    }

    /// <inheritdoc />
    public Task InitializeAsync() => Task.CompletedTask;

    /// <inheritdoc />
    public Task DisposeAsync() => _world.DisposeAsync().AsTask();
}
