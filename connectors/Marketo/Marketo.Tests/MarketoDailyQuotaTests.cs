using IntegrationHub.Connectors.Marketo.Fake;
using IntegrationHub.Sdk.TestKit;

namespace IntegrationHub.Connectors.Marketo.Tests;

/// <summary>
/// Marketo's daily quota as a count: past <see cref="MarketoFake.DailyQuota"/> calls every REST call answers 607
/// inside HTTP 200, until the day Marketo counts in (Central time) ends.
/// </summary>
public sealed class MarketoDailyQuotaTests
{
    private const string Programs = "rest/asset/v1/programs.json";

    [Fact]
    public async Task Past_the_quota_calls_answer_607_until_midnight_central_time()
    {
        var time = TestClock.Frozen();
        await using var fake = new MarketoFake(time) { DailyQuota = 3 };
        using (var raw = new MarketoRaw(fake))
        {
            for (var call = 1; call <= 3; call++)
            {
                Assert.True((await raw.GetAsync(Programs)).Body["success"]!.GetValue<bool>());
            }

            var (response, refused) = await raw.GetAsync(Programs);
            Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
            Assert.False(refused["success"]!.GetValue<bool>());
            Assert.Equal("607", refused["errors"]![0]!["code"]!.GetValue<string>());
        }

        var central = time.GetUtcNow().ToOffset(TimeSpan.FromHours(-6));
        time.SetUtcNow(new DateTimeOffset(central.Date.AddDays(1), TimeSpan.FromHours(-6)));
        using var nextDay = new MarketoRaw(fake);
        Assert.True((await nextDay.GetAsync(Programs)).Body["success"]!.GetValue<bool>());
    }
}
