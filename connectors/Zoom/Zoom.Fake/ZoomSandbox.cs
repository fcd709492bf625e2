using IntegrationHub.Sdk.Sandbox;

namespace IntegrationHub.Connectors.Zoom.Fake;

/// <summary>Starts the Zoom fake for sandbox mode, with the seed's calendars and their meetings.</summary>
public sealed class ZoomSandbox : ISandboxVendor
{
    private ZoomFake? _fake;

    /// <summary>The running fake, for tests that inject faults into a sandboxed hub.</summary>
    public ZoomFake? Fake => _fake;

    public string ConnectorName => "Zoom";

    public Task<IReadOnlyDictionary<string, string?>> StartAsync(SandboxSeed seed, CancellationToken cancellationToken)
    {
        var now = DateTimeOffset.UtcNow;
        _fake = new ZoomFake { DailyCreatesPerUser = int.MaxValue, RequestsPerSecond = int.MaxValue };
        foreach (var calendar in seed.Calendars)
        {
            _fake.AddUser(calendar.UserId);
            foreach (var meeting in calendar.Meetings)
            {
                _fake.AddMeeting(calendar.UserId, meeting.Topic, seed.Shift(meeting.Start, now), meeting.DurationMinutes);
            }
        }

        return Task.FromResult<IReadOnlyDictionary<string, string?>>(new Dictionary<string, string?>
        {
            ["BaseUrl"] = _fake.BaseUrl.ToString(),
            ["TokenUrl"] = new Uri(_fake.BaseUrl, "oauth/token").ToString(),
            ["AccountId"] = ZoomFake.AccountId,
            ["ClientId"] = ZoomFake.ClientId,
            ["ClientSecret"] = ZoomFake.ClientSecret,
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (_fake is not null)
        {
            await _fake.DisposeAsync();
        }
    }
}
