using IntegrationHub.Contracts.Routing.V1;
using IntegrationHub.Sdk.TestKit;
using IntegrationHub.Server.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace IntegrationHub.Server.Tests.Sandbox;

/// <summary>
/// Sandbox demo hours: on a Saturday night, when no demo rep works, a sandbox hub still routes the walk-through's
/// visitor to a human; a rep set away stays away; with the option off, or outside the sandbox, real hours apply.
/// </summary>
public sealed class DemoHoursTests
{
    private const string Quentin = "005BDR030000000YBA"; // BDR of sgdigitale.fr (Actively Working)
    private const string SgDigitaleIp = "198.51.100.20";

    // Saturday 23:00 UTC: outside every demo rep's working days (Sunday morning in Tokyo).
    private readonly FakeTimeProvider _saturdayNight = TestClock.At(DayOfWeek.Saturday, new TimeOnly(23, 0));

    [Fact]
    public async Task On_a_Saturday_night_every_demo_rep_is_in_hours_and_available_and_the_visitor_gets_a_human()
    {
        using var hub = Hub(new() { ["Sandbox:DemoHours"] = "true" });
        var presence = new PresenceService.PresenceServiceClient(hub.CreateChannel());

        var reps = (await presence.ListRepsAsync(new ListRepsRequest())).Reps;

        Assert.Equal(20, reps.Count);
        Assert.All(reps, r => Assert.True(r.InWorkingHours, r.Name));
        Assert.All(reps, r => Assert.Equal(PresenceStatus.Available, r.Status));
        var decision = await RouteAsync(hub);
        Assert.Equal(TargetKind.HumanRep, decision.Target.Kind);
        Assert.Equal(Quentin, decision.Target.RepId);
        Assert.Equal("actively_working_account", decision.MatchedRule);
    }

    [Fact]
    public async Task A_rep_set_away_stays_away_under_demo_hours()
    {
        using var hub = Hub(new() { ["Sandbox:DemoHours"] = "true" });
        var presence = new PresenceService.PresenceServiceClient(hub.CreateChannel());

        await presence.SetRepPresenceAsync(new SetRepPresenceRequest { RepId = Quentin, Status = PresenceStatus.Away });

        var quentin = (await presence.ListRepsAsync(new ListRepsRequest())).Reps.Single(r => r.RepId == Quentin);
        Assert.Equal(PresenceStatus.Away, quentin.Status);
        var decision = await RouteAsync(hub);
        Assert.NotEqual(Quentin, decision.Target.RepId);
        Assert.Contains(decision.Explanation.Fallbacks, f => f.Reason.Contains("Quentin Laurent is away"));
    }

    [Fact]
    public async Task With_demo_hours_off_the_reps_real_hours_and_presence_apply()
    {
        using var hub = Hub(new() { ["Sandbox:DemoHours"] = "false" });
        var presence = new PresenceService.PresenceServiceClient(hub.CreateChannel());

        var reps = (await presence.ListRepsAsync(new ListRepsRequest())).Reps;

        Assert.All(reps, r => Assert.False(r.InWorkingHours, r.Name));
        Assert.All(reps, r => Assert.Equal(PresenceStatus.Offline, r.Status));
        Assert.NotEqual(TargetKind.HumanRep, (await RouteAsync(hub)).Target.Kind);
    }

    [Fact]
    public async Task Outside_the_sandbox_demo_hours_change_nothing()
    {
        var settings = HubFactory.MemorySettings();
        settings["Sandbox:DemoHours"] = "true";
        using var hub = Hub(settings);
        var presence = new PresenceService.PresenceServiceClient(hub.CreateChannel());

        var reps = (await presence.ListRepsAsync(new ListRepsRequest())).Reps;

        Assert.All(reps, r => Assert.False(r.InWorkingHours, r.Name));
        Assert.All(reps, r => Assert.Equal(PresenceStatus.Offline, r.Status));
    }

    private HubFactory Hub(Dictionary<string, string?> settings)
    {
        // The clock is fake, so vendor retries (whose back-off waits on it) are off.
        foreach (var vendor in new[] { "SixSense", "Salesforce", "Outreach", "Marketo", "Zoom" })
        {
            settings.TryAdd($"Connectors:{vendor}:Resilience:MaxRetryAttempts", "0");
        }

        return new HubFactory(settings, s => s.AddSingleton<TimeProvider>(_saturdayNight));
    }

    private static async Task<Decision> RouteAsync(HubFactory hub) =>
        (
            await new RoutingService.RoutingServiceClient(hub.CreateChannel()).RouteVisitorAsync(
                new RouteVisitorRequest
                {
                    RequestId = Guid.NewGuid().ToString("N"),
                    IpAddress = SgDigitaleIp,
                    PageUrl = "https://www.hub.demo/fr/tarifs",
                }
            )
        ).Decision;
}
