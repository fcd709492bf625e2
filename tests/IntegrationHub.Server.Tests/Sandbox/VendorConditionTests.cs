using System.Net;
using IntegrationHub.Sdk.FakeKit;
using IntegrationHub.Sdk.Sandbox;
using Microsoft.Extensions.Time.Testing;

namespace IntegrationHub.Server.Tests.Sandbox;

/// <summary>
/// FakeKit's vendor conditions as a caller of the fake meets them: the vendor's outage and throttling answers, a
/// failing share that is the same on every run, and the vendor healthy again once the fake's clock passes the end.
/// </summary>
public sealed class VendorConditionTests : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 4, 15, 0, 0, TimeSpan.Zero));
    private readonly HttpClient _http = new();
    private OkVendor _vendor = null!;

    public Task InitializeAsync()
    {
        _vendor = new OkVendor(_time);
        _http.BaseAddress = _vendor.BaseUrl;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        _http.Dispose();
        await _vendor.DisposeAsync();
    }

    [Fact]
    public async Task A_down_vendor_gives_its_outage_answer_until_its_time_is_up()
    {
        var state = _vendor.Impose(VendorCondition.Down(), TimeSpan.FromMinutes(5));

        Assert.Equal(_time.GetUtcNow().AddMinutes(5), state.EndsAt);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await _http.GetAsync("things")).StatusCode);
        _time.Advance(TimeSpan.FromMinutes(5) - TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await _http.GetAsync("things")).StatusCode);
        _time.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(HttpStatusCode.OK, (await _http.GetAsync("things")).StatusCode);
        Assert.Equal(VendorConditionKind.Healthy, _vendor.Condition.Condition.Kind);
        Assert.Null(_vendor.Condition.EndsAt);
    }

    [Fact]
    public async Task A_throttled_vendor_says_to_retry_when_the_condition_ends()
    {
        _vendor.Impose(VendorCondition.Throttled(), TimeSpan.FromMinutes(5));
        _time.Advance(TimeSpan.FromMinutes(1));

        var answer = await _http.GetAsync("things");

        Assert.Equal(HttpStatusCode.TooManyRequests, answer.StatusCode);
        Assert.Equal(TimeSpan.FromMinutes(4), answer.Headers.RetryAfter?.Delta);
    }

    [Fact]
    public async Task A_failing_share_fails_that_many_calls_spread_evenly_and_the_same_each_time()
    {
        var first = await FailedCallsAsync(30, 20);
        var again = await FailedCallsAsync(30, 20);

        Assert.Equal([4, 7, 10, 14, 17, 20], first);
        Assert.Equal(first, again);
        Assert.Equal(100, (await FailedCallsAsync(100, 100)).Count);
    }

    [Fact]
    public async Task Healthy_ends_a_condition_at_once_and_the_test_switches_still_work_beside_it()
    {
        _vendor.Impose(VendorCondition.Down(), TimeSpan.FromHours(1));
        _vendor.Heal();
        Assert.Equal(HttpStatusCode.OK, (await _http.GetAsync("things")).StatusCode);

        _vendor.Impose(VendorCondition.Slow(TimeSpan.FromMilliseconds(1)), TimeSpan.FromHours(1));
        _vendor.GoDown();
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await _http.GetAsync("things")).StatusCode);
        _vendor.ComeBack();
        Assert.Equal(HttpStatusCode.OK, (await _http.GetAsync("things")).StatusCode);
        Assert.Equal(VendorConditionKind.Slow, _vendor.Condition.Condition.Kind);
    }

    private async Task<List<int>> FailedCallsAsync(int percent, int calls)
    {
        _vendor.Impose(VendorCondition.Failing(percent), TimeSpan.FromMinutes(5));
        var failed = new List<int>();
        for (var call = 1; call <= calls; call++)
        {
            if ((await _http.GetAsync("things")).StatusCode == HttpStatusCode.ServiceUnavailable)
            {
                failed.Add(call);
            }
        }

        return failed;
    }

    private sealed class OkVendor(TimeProvider time) : VendorFake(time)
    {
        protected override Task<FakeResponse> HandleVendorAsync(FakeRequest request) =>
            Task.FromResult(FakeResponse.Json(200, new { ok = true }));
    }
}
