using System.Globalization;
using System.Net;
using IntegrationHub.Connectors.Zoom.Fake;

namespace IntegrationHub.Connectors.Zoom.Tests;

/// <summary>
/// The fake answers what Zoom answers: a token for grant parameters in the query or in a form body, and PATCH of a
/// meeting with Zoom's validation, its 404 and its daily limit.
/// </summary>
public sealed class ZoomFakeApiTests : IAsyncLifetime
{
    private readonly ZoomWorld _world = new();
    private ZoomRaw? _raw;

    private ZoomFake Fake => _world.Fake;

    private ZoomRaw Raw => _raw ??= new ZoomRaw(Fake);

    [Fact]
    public async Task A_token_is_issued_for_grant_parameters_in_the_query_or_in_a_form_body()
    {
        using var inQuery = await Raw.TokenAsync($"?grant_type=account_credentials&account_id={ZoomFake.AccountId}");
        using var inForm = await Raw.TokenAsync(
            "",
            new FormUrlEncodedContent(
                new Dictionary<string, string>
                {
                    ["grant_type"] = "account_credentials",
                    ["account_id"] = ZoomFake.AccountId,
                }
            )
        );

        Assert.Equal(HttpStatusCode.OK, inQuery.StatusCode);
        Assert.Equal(HttpStatusCode.OK, inForm.StatusCode);
        Assert.Equal(3600, (await ZoomRaw.BodyAsync(inForm))["expires_in"]!.GetValue<int>());
        Assert.Equal(2, Fake.TokensIssued);
    }

    [Fact]
    public async Task A_form_for_another_account_or_without_a_grant_gets_no_token()
    {
        using var otherAccount = await Raw.TokenAsync(
            "",
            new FormUrlEncodedContent(
                new Dictionary<string, string> { ["grant_type"] = "account_credentials", ["account_id"] = "other" }
            )
        );
        using var noGrant = await Raw.TokenAsync($"?account_id={ZoomFake.AccountId}");

        Assert.Equal(HttpStatusCode.BadRequest, otherAccount.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, noGrant.StatusCode);
        Assert.Equal(0, Fake.TokensIssued);
    }

    [Fact]
    public async Task Patching_a_meeting_reschedules_it_with_204_and_no_body()
    {
        var id = AddMeeting();
        var moved = Fake.Time.GetUtcNow().AddDays(3);
        var start = moved.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

        using var response = await Raw.SendAsync(
            HttpMethod.Patch,
            $"v2/meetings/{id}",
            $$"""{"topic":"Moved","start_time":"{{start}}","duration":45}"""
        );

        Assert.Equal(HttpStatusCode.NoContent, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsStringAsync());
        var meeting = Assert.Single(Fake.Meetings(ZoomWorld.Rep));
        Assert.Equal("Moved", meeting.Topic);
        Assert.Equal(
            start,
            meeting.Start.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)
        );
    }

    [Fact]
    public async Task Patching_an_unknown_meeting_is_404_code_3001()
    {
        using var response = await Raw.SendAsync(HttpMethod.Patch, "v2/meetings/92674399999", """{"topic":"x"}""");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal(3001, (await ZoomRaw.BodyAsync(response))["code"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("""{"duration":0}""", "duration")]
    [InlineData("""{"type":5}""", "type")]
    [InlineData("""{"start_time":"next tuesday"}""", "start_time")]
    public async Task An_invalid_patch_is_400_code_300_naming_the_field_and_changes_nothing(string json, string field)
    {
        var id = AddMeeting();

        using var response = await Raw.SendAsync(HttpMethod.Patch, $"v2/meetings/{id}", json);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await ZoomRaw.BodyAsync(response);
        Assert.Equal(300, body["code"]!.GetValue<int>());
        Assert.Equal(field, body["errors"]![0]!["field"]!.GetValue<string>());
        Assert.Equal("Intro", Assert.Single(Fake.Meetings(ZoomWorld.Rep)).Topic);
    }

    [Fact]
    public async Task An_update_counts_against_the_daily_create_and_update_limit()
    {
        var id = AddMeeting();
        Fake.DailyCreatesPerUser = 0;

        using var response = await Raw.SendAsync(HttpMethod.Patch, $"v2/meetings/{id}", """{"topic":"x"}""");

        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal("Daily-limit", response.Headers.GetValues("X-RateLimit-Type").Single());
    }

    private string AddMeeting()
    {
        Fake.AddMeeting(ZoomWorld.Rep, "Intro", Fake.Time.GetUtcNow().AddDays(2), 30);
        return Fake.Meetings(ZoomWorld.Rep).Single().Id.ToString(CultureInfo.InvariantCulture);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        _raw?.Dispose();
        await _world.DisposeAsync();
    }
}
