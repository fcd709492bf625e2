using Grpc.Core;
using IntegrationHub.Connectors.Salesforce.Fake;
using IntegrationHub.Contracts.Routing.V1;
using IntegrationHub.Hub.Decisions;
using IntegrationHub.Hub.Leads;
using IntegrationHub.Routing.Leads;
using IntegrationHub.Server.Tests.Routing;
using IntegrationHub.Storage.Decisions;
using IntegrationHub.Storage.Outbox;
using IntegrationHub.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationHub.Server.Tests.Leads;

/// <summary>
/// The lead SLA end to end on the sandbox fakes and the hub's fake clock, with <c>leads.sla.minutes</c> = 15 published:
/// an untouched lead is reassigned at the deadline (CRM owner changed, first owner and manager alerted, the
/// reassignment a decision of its own); a CRM down at the deadline keeps the lead and the check is tried again.
/// A reply cancelling the SLA is in <see cref="LeadLifecycleTests"/>, where the signed webhooks are.
/// </summary>
public sealed class LeadSlaTests : IDisposable
{
    private const string Email = "untouched@brand-new-startup.io";
    private readonly SandboxHub _hub = new();

    public void Dispose() => _hub.Dispose();

    private SalesforceFake Crm => _hub.Sandbox<SalesforceSandbox>().Fake!;

    private string? CrmOwner => (string?)Crm.LeadsWithEmail(Email).LastOrDefault()?.GetValueOrDefault("OwnerId");

    [Fact]
    public async Task An_untouched_lead_goes_to_the_next_rep_at_the_deadline_and_its_owner_and_manager_are_told()
    {
        var routed = await RoutedAndEnrolledAsync();
        var owner = routed.Target.RepId;
        var manager = (string)Crm.Records("User").Single(u => (string?)u["Id"] == owner)["ManagerId"]!;
        using var ownerAlerts = _hub.Presence.WatchRepAlerts(new WatchRepAlertsRequest { RepId = owner });
        using var managerAlerts = _hub.Presence.WatchRepAlerts(new WatchRepAlertsRequest { RepId = manager });
        await ownerAlerts.ResponseHeadersAsync;
        await managerAlerts.ResponseHeadersAsync;

        _hub.Time.Advance(TimeSpan.FromMinutes(16));

        await SandboxHub.EventuallyAsync(() => CrmOwner is { } now && now != owner, "the CRM lead's owner changing");
        var reassigned = Assert.Single(await _hub.ReassignmentsAsync());
        Assert.Equal(CrmOwner, reassigned.Target.RepId);
        Assert.Equal("sdr-amer", reassigned.Target.Pool);
        var why = Assert.Single(reassigned.Explanation.Rules);
        Assert.Contains(why.Facts, f => f.Name == "original_decision" && f.Value == routed.Id);
        Assert.Contains("did not accept", why.Reason, StringComparison.Ordinal);
        Assert.Contains("not accepted within 15 min", await NextAlertAsync(ownerAlerts), StringComparison.Ordinal);
        Assert.Contains("not accepted within 15 min", await NextAlertAsync(managerAlerts), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_crm_down_at_the_deadline_keeps_the_lead_and_the_check_is_tried_again_later()
    {
        var routed = await RoutedAndEnrolledAsync();
        using var outcomes = LeadSlaSteps.Outcomes();
        Crm.GoDown();

        _hub.Time.Advance(TimeSpan.FromMinutes(16));
        await SandboxHub.EventuallyAsync(() => outcomes.Values.Contains("deferred"), "the SLA check deferred");
        Assert.Equal(routed.Target.RepId, CrmOwner);
        Assert.Empty(await _hub.ReassignmentsAsync());

        Crm.ComeBack();
        _hub.Time.Advance(TimeSpan.FromMinutes(6));
        await SandboxHub.EventuallyAsync(
            () => CrmOwner != routed.Target.RepId,
            "the reassignment once the CRM is back"
        );
        var reassigned = Assert.Single(await _hub.ReassignmentsAsync());
        Assert.Contains(reassigned.Explanation.Fallbacks, f => f.Fallback == "sla_check_deferred");
    }

    [Fact]
    public async Task A_deadline_handled_twice_at_once_and_then_by_the_timer_reassigns_once()
    {
        var routed = await RoutedAndEnrolledAsync();
        var stored = await _hub
            .Services.GetRequiredService<DecisionStore>()
            .GetAsync(routed.Id, CancellationToken.None);
        var payload = LeadSlaTimer.For(stored!.Lead())!.Payload;
        var deadline = _hub.Services.GetRequiredService<LeadReassignment>();

        // What two instances would do if both got past the claim: the reassignment's request id lets one through.
        await Task.WhenAll(
            deadline.OnDueAsync(payload, CancellationToken.None),
            deadline.OnDueAsync(payload, CancellationToken.None)
        );
        await _hub.AdvanceAndFireTimersAsync(TimeSpan.FromMinutes(16));

        var reassigned = Assert.Single(await _hub.ReassignmentsAsync());
        Assert.Equal(reassigned.Target.RepId, CrmOwner);
        // One owner write for the reassignment: one upsert effect in the outbox, however often the lead's later
        // lifecycle steps write the same owner and status again (they do, a beat later, on some days).
        var upserts = await _hub
            .Services.GetRequiredService<OutboxStore>()
            .ListAsync(EffectState.Delivered, 1000, CancellationToken.None);
        Assert.Single(upserts, e =>
            e.Type == EffectTypes.UpsertLead
            && e.IdempotencyKey.StartsWith(routed.RequestId + "/sla/", StringComparison.Ordinal)
        );
    }

    /// <summary>Publishes the SLA, routes an untouched AMER lead, waits for its CRM lead and enrolment.</summary>
    private async Task<Decision> RoutedAndEnrolledAsync()
    {
        await _hub.PublishSlaAsync(15);
        var routed = await _hub.RouteLeadAsync(SandboxHub.Lead(Email, "Brand New Startup", "US"));
        Assert.Equal("sdr-amer", routed.Target.Pool);
        Assert.Contains(routed.Explanation.Rules, r =>
            r.Rule == "lead_sla"
            && r.Reason.StartsWith("SLA 15 min → then round robin of sdr-amer", StringComparison.Ordinal)
        );
        await SandboxHub.EventuallyAsync(
            () =>
                Crm.LeadsWithEmail(Email).LastOrDefault() is { } lead
                && (string?)lead["OwnerId"] == routed.Target.RepId
                && (string?)lead["Status"] == "Accepted",
            "the lead in the CRM, owned and enrolled"
        );
        return routed;
    }

    /// <summary>The next SLA alert on a stream (the owner's own assignment alert may come first).</summary>
    private static async Task<string> NextAlertAsync(AsyncServerStreamingCall<WatchRepAlertsResponse> alerts)
    {
        using var patience = new CancellationTokenSource(Eventually.Limit);
        while (await alerts.ResponseStream.MoveNext(patience.Token))
        {
            if (alerts.ResponseStream.Current.Message.Contains("not accepted", StringComparison.Ordinal))
            {
                return alerts.ResponseStream.Current.Message;
            }
        }

        throw new InvalidOperationException("the alert stream ended");
    }
}
