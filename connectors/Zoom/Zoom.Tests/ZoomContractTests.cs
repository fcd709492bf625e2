using System.Text;
using IntegrationHub.Connectors.Zoom.Fake;
using IntegrationHub.Sdk.Capabilities.Meetings;
using IntegrationHub.Sdk.Errors;
using Microsoft.Extensions.DependencyInjection;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;

namespace IntegrationHub.Connectors.Zoom.Tests;

/// <summary>The Zoom connector against the fake of its real API.</summary>
public sealed class ZoomContractTests : IAsyncLifetime
{
    private readonly ZoomWorld _world = new();

    private ZoomFake Fake => _world.Fake;

    private static readonly WorkingHours ParisDay = new(
        "Europe/Paris",
        new TimeOnly(9, 0),
        new TimeOnly(12, 0),
        WorkingHours.Weekdays
    );

    private DateTimeOffset NextMonday() =>
        Enumerable
            .Range(1, 8)
            .Select(d => new DateTimeOffset(Fake.Time.GetUtcNow().UtcDateTime.Date.AddDays(d), TimeSpan.Zero))
            .First(d => d.DayOfWeek == DayOfWeek.Monday);

    [Fact]
    public async Task Free_slots_are_working_hours_in_the_reps_zone_minus_meetings_and_buffer()
    {
        var monday = NextMonday();
        var tz = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");
        var nineParis = new DateTimeOffset(monday.Date.AddHours(9), tz.GetUtcOffset(monday.Date.AddHours(9)));
        Fake.AddMeeting(ZoomWorld.Rep, "Existing", nineParis.AddHours(1), 30);

        var slots = await _world
            .Connector()
            .ListFreeSlotsAsync(
                new FreeSlotQuery(
                    ZoomWorld.Rep,
                    monday,
                    monday.AddDays(1),
                    TimeSpan.FromMinutes(30),
                    TimeSpan.FromMinutes(15),
                    TimeSpan.Zero,
                    ParisDay
                ),
                CancellationToken.None
            );

        Assert.Equal(nineParis, slots[0].Start);
        Assert.DoesNotContain(slots, s =>
            s.Start < nineParis.AddHours(1).AddMinutes(45) && s.End > nineParis.AddMinutes(45)
        );
        Assert.Equal(nineParis.AddHours(2).AddMinutes(30), slots[^1].Start);
        Assert.All(slots, s => Assert.Equal(0, s.Start.Minute % 15));
    }

    [Fact]
    public async Task It_authenticates_with_basic_account_credentials_and_reuses_the_token()
    {
        var harness = _world.Harness();
        var connector = harness.Get<ZoomConnector>();
        var monday = NextMonday();
        var query = new FreeSlotQuery(
            ZoomWorld.Rep,
            monday,
            monday.AddDays(1),
            TimeSpan.FromMinutes(30),
            TimeSpan.Zero,
            TimeSpan.Zero,
            ParisDay
        );
        await connector.ListFreeSlotsAsync(query, CancellationToken.None);
        await connector.ListFreeSlotsAsync(query, CancellationToken.None);

        var token = Fake.Requests.Select(r => r.RequestMessage!).Single(r => r.Path == "/oauth/token");
        Assert.Equal("account_credentials", token.Query!["grant_type"].Single());
        Assert.Equal(
            "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{ZoomFake.ClientId}:{ZoomFake.ClientSecret}")),
            token.Headers!["Authorization"].Single()
        );
        Assert.Equal(1, harness.Services.GetRequiredService<ZoomApi>().TokenFetches);
    }

    [Fact]
    public async Task An_invalid_token_124_is_replaced_once()
    {
        var harness = _world.Harness();
        var connector = harness.Get<ZoomConnector>();
        var monday = NextMonday();
        var query = new FreeSlotQuery(
            ZoomWorld.Rep,
            monday,
            monday.AddDays(1),
            TimeSpan.FromMinutes(30),
            TimeSpan.Zero,
            TimeSpan.Zero,
            ParisDay
        );
        await connector.ListFreeSlotsAsync(query, CancellationToken.None);
        Fake.ExpireTokens();
        Assert.NotEmpty(await connector.ListFreeSlotsAsync(query, CancellationToken.None));
        Assert.Equal(2, Fake.TokensIssued);
    }

    [Fact]
    public async Task A_token_refused_again_after_renewal_is_reported_instead_of_renewed_forever()
    {
        // The app was deactivated: Zoom issues tokens but refuses every one of them.
        Fake.Server.Given(Request.Create().WithPath("/v2/users/*").UsingGet())
            .AtPriority(-1)
            .RespondWith(
                Response
                    .Create()
                    .WithStatusCode(401)
                    .WithBodyAsJson(new { code = 124, message = "Invalid access token." })
            );
        var monday = NextMonday();
        var query = new FreeSlotQuery(
            ZoomWorld.Rep,
            monday,
            monday.AddDays(1),
            TimeSpan.FromMinutes(30),
            TimeSpan.Zero,
            TimeSpan.Zero,
            ParisDay
        );

        var error = await Assert.ThrowsAsync<ConnectorException>(() =>
            _world.Connector().ListFreeSlotsAsync(query, CancellationToken.None)
        );

        Assert.Equal(ConnectorErrorKind.VendorAuthentication, error.Kind);
        Assert.Equal("ZOOM_124", error.Reason);
        Assert.Equal(2, Fake.TokensIssued);
        Assert.Equal(2, Fake.CountRequests("GET", "/v2/users/"));
    }

    [Fact]
    public async Task A_meeting_is_created_with_a_64_bit_id_a_utc_start_and_the_key_in_its_agenda()
    {
        var start = NextMonday().AddHours(14);
        var meeting = await _world
            .Connector()
            .CreateMeetingAsync(
                new MeetingRequest(
                    ZoomWorld.Rep,
                    "Acme <> Jane",
                    start,
                    TimeSpan.FromMinutes(30),
                    "Europe/Paris",
                    "jane@acme.com",
                    "conv-1/book"
                ),
                CancellationToken.None
            );

        Assert.True(long.Parse(meeting.Id, System.Globalization.CultureInfo.InvariantCulture) > int.MaxValue);
        Assert.Equal(start, meeting.Start);
        Assert.Contains(meeting.Id, meeting.JoinUrl, StringComparison.Ordinal);
        var post = Fake
            .Requests.Select(r => r.RequestMessage!)
            .Single(r => r.Method == "POST" && r.Path.EndsWith("/meetings", StringComparison.Ordinal));
        Assert.Contains("\"type\":2", post.Body, StringComparison.Ordinal);
        Assert.Contains(
            $"\"start_time\":\"{start.UtcDateTime:yyyy-MM-dd'T'HH:mm:ss'Z'}\"",
            post.Body,
            StringComparison.Ordinal
        );
        Assert.Contains(
            "[hub-key:conv-1/book]",
            Assert.Single(Fake.Meetings(ZoomWorld.Rep)).Agenda,
            StringComparison.Ordinal
        );
    }

    [Fact]
    public async Task Cancelling_deletes_and_an_unknown_meeting_is_not_found()
    {
        var connector = _world.Connector();
        var meeting = await connector.CreateMeetingAsync(
            new MeetingRequest(
                ZoomWorld.Rep,
                "Cancel me",
                NextMonday().AddHours(15),
                TimeSpan.FromMinutes(30),
                "UTC",
                null,
                "k-cancel"
            ),
            CancellationToken.None
        );
        await connector.CancelMeetingAsync(meeting.Id, CancellationToken.None);
        Assert.Empty(Fake.Meetings(ZoomWorld.Rep));
        var error = await Assert.ThrowsAsync<ConnectorException>(() =>
            connector.CancelMeetingAsync(meeting.Id, CancellationToken.None)
        );
        Assert.Equal("ZOOM_3001", error.Reason);
    }

    [Fact]
    public async Task Per_second_throttling_is_retried_with_or_without_rate_headers()
    {
        var connector = _world.Connector();
        var monday = NextMonday();
        var query = new FreeSlotQuery(
            ZoomWorld.Rep,
            monday,
            monday.AddDays(1),
            TimeSpan.FromMinutes(30),
            TimeSpan.Zero,
            TimeSpan.Zero,
            ParisDay
        );
        await connector.ListFreeSlotsAsync(query, CancellationToken.None);

        Fake.FailNext(
            1,
            Sdk.FakeKit.FakeResponse.Json(
                    429,
                    new
                    {
                        code = 429,
                        message = "You have reached the maximum per-second rate limit for this API. Try again later.",
                    }
                )
                .WithHeader("X-RateLimit-Type", "QPS")
                .WithHeader("Retry-After", "1")
        );
        Fake.FailNext(
            1,
            Sdk.FakeKit.FakeResponse.Json(
                429,
                new
                {
                    code = 429,
                    message = "You have reached the maximum per-second rate limit for this API. Try again later.",
                }
            )
        );
        Assert.NotEmpty(await connector.ListFreeSlotsAsync(query, CancellationToken.None));
        Assert.Equal(4, Fake.CountRequests("GET", "/v2/users/"));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task The_daily_create_limit_is_reported_at_once_with_its_iso_reset_time(bool headers)
    {
        Fake.DailyCreatesPerUser = 0;
        Fake.SendRateLimitHeaders = headers;
        var error = await Assert.ThrowsAsync<ConnectorException>(() =>
            _world
                .Connector()
                .CreateMeetingAsync(
                    new MeetingRequest(
                        ZoomWorld.Rep,
                        "Too many",
                        NextMonday().AddHours(16),
                        TimeSpan.FromMinutes(30),
                        "UTC",
                        null,
                        "k-daily"
                    ),
                    CancellationToken.None
                )
        );

        Assert.Equal(ConnectorErrorKind.QuotaExhausted, error.Kind);
        Assert.Equal(1, Fake.CountRequests("POST", "/v2/users/"));
        if (headers)
        {
            Assert.InRange(error.RetryAfter!.Value, TimeSpan.FromSeconds(1), TimeSpan.FromHours(24));
        }
    }

    [Fact]
    public async Task An_unknown_user_is_not_found_code_1001()
    {
        var error = await Assert.ThrowsAsync<ConnectorException>(() =>
            _world
                .Connector()
                .CreateMeetingAsync(
                    new MeetingRequest(
                        "ghost@hub.test",
                        "Hi",
                        NextMonday().AddHours(10),
                        TimeSpan.FromMinutes(30),
                        "UTC",
                        null,
                        "k"
                    ),
                    CancellationToken.None
                )
        );
        Assert.Equal(ConnectorErrorKind.NotFound, error.Kind);
        Assert.Equal("ZOOM_1001", error.Reason);
    }

    [Fact]
    public async Task Upcoming_meetings_are_read_across_pages()
    {
        Fake.PageSize = 2;
        var monday = NextMonday();
        for (var i = 0; i < 5; i++)
        {
            Fake.AddMeeting(ZoomWorld.BusyRep, $"M{i}", monday.AddHours(8 + i), 60);
        }

        var slots = await _world
            .Connector()
            .ListFreeSlotsAsync(
                new FreeSlotQuery(
                    ZoomWorld.BusyRep,
                    monday,
                    monday.AddDays(1),
                    TimeSpan.FromMinutes(30),
                    TimeSpan.Zero,
                    TimeSpan.Zero,
                    new WorkingHours("UTC", new TimeOnly(8, 0), new TimeOnly(14, 0), WorkingHours.Weekdays)
                ),
                CancellationToken.None
            );

        Assert.Equal(3, Fake.CountRequests("GET", "/v2/users/"));
        Assert.All(slots, s => Assert.True(s.Start >= monday.AddHours(13)));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _world.DisposeAsync().AsTask();
}
