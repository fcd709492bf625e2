using Google.Protobuf.WellKnownTypes;
using IntegrationHub.Connectors.Salesforce.Fake;
using IntegrationHub.Contracts.Routing.V1;
using IntegrationHub.Routing.Leads;
using IntegrationHub.Server.Tests.Routing;
using IntegrationHub.Storage.Outbox;
using IntegrationHub.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationHub.Server.Tests.Sandbox;

/// <summary>
/// A user rehearsing a vendor outage in the sandbox through the admin RPC, as the sandbox hub (demo world, fake
/// clock) answers it: routing carries on degraded and says why, lead side effects wait in the outbox, and when the
/// vendor is healthy again (healed, or its time up) they are delivered once.
/// </summary>
public sealed class RehearseOutageTests : IDisposable
{
    private const string AcmeIp = "203.0.113.5"; // Acme Corp: Actively Working, BDR Olivia Brooks (005BDR010000000YBA)

    private readonly SandboxHub _hub = new();

    public RehearseOutageTests() => Sandbox = new SandboxService.SandboxServiceClient(_hub.Channel);

    public void Dispose() => _hub.Dispose();

    private SandboxService.SandboxServiceClient Sandbox { get; }

    private SalesforceFake Crm => _hub.Sandbox<SalesforceSandbox>().Fake!;

    [Fact]
    public async Task With_enrichment_down_visitors_are_routed_degraded_and_explained_until_the_outage_ends()
    {
        var set = await Sandbox.SetVendorConditionAsync(
            new SetVendorConditionRequest
            {
                Connector = "sixsense",
                Kind = VendorConditionKind.Down,
                Duration = Duration.FromTimeSpan(TimeSpan.FromMinutes(10)),
            }
        );
        Assert.Equal("SixSense", set.Condition.Connector);
        Assert.Equal(_hub.Time.GetUtcNow().AddMinutes(10), set.Condition.EndTime.ToDateTimeOffset());
        await _hub.AvailableAsync("005SDR010000000YBA", "005SDR020000000YBA");

        var during = await _hub.RouteAsync(AcmeIp);

        Assert.True(during.Degraded);
        var company = during.Explanation.Sources.Single(s => s.Source == "company");
        Assert.Equal(SourceStatus.Failed, company.Status);
        Assert.Equal("SixSense", company.Connector);
        Assert.Equal(TargetKind.HumanRep, during.Target.Kind);
        var listed = await Sandbox.ListVendorConditionsAsync(new ListVendorConditionsRequest());
        Assert.Equal(
            ["Marketo", "Outreach", "Salesforce", "SixSense", "Zoom"],
            listed.Conditions.Select(c => c.Connector)
        );
        Assert.Equal(VendorConditionKind.Down, listed.Conditions.Single(c => c.Connector == "SixSense").Kind);
        Assert.All(listed.Conditions.Where(c => c.Connector != "SixSense"), c =>
            Assert.Equal(VendorConditionKind.Healthy, c.Kind)
        );
        var catalog = await new ConnectorCatalogService.ConnectorCatalogServiceClient(_hub.Channel).ListConnectorsAsync(
            new ListConnectorsRequest()
        );
        Assert.Equal(
            VendorConditionKind.Down,
            catalog.Connectors.Single(c => c.Name == "SixSense").SandboxCondition.Kind
        );

        _hub.Time.Advance(TimeSpan.FromMinutes(10));
        var after = await _hub.RouteAsync(AcmeIp);

        Assert.False(after.Degraded);
        Assert.Equal(SourceStatus.Ok, after.Explanation.Sources.Single(s => s.Source == "company").Status);
        Assert.Equal("actively_working_account", after.MatchedRule);
    }

    [Fact]
    public async Task With_the_crm_down_a_leads_effects_wait_and_after_a_heal_reach_the_crm_once()
    {
        const string Email = "rehearsal@brand-new-startup.io";
        await Sandbox.SetVendorConditionAsync(
            new SetVendorConditionRequest { Connector = "Salesforce", Kind = VendorConditionKind.Down }
        );

        var decision = await _hub.RouteLeadAsync(SandboxHub.Lead(Email, "Brand New Startup", "DE", "Engineer"));
        await Eventually.HappensAsync(
            async () => (await HeldUpsertsAsync()).Any(e => e.DecisionId == decision.Id),
            "the lead upsert tried against the CRM and held"
        );

        Assert.True((await _hub.Outbox.GetOutboxStatsAsync(new GetOutboxStatsRequest())).Pending > 0);
        Assert.Contains(
            "Salesforce",
            (await HeldUpsertsAsync()).Single().LastError,
            StringComparison.OrdinalIgnoreCase
        );
        Assert.Empty(Crm.LeadsWithEmail(Email));

        var healed = await Sandbox.SetVendorConditionAsync(
            new SetVendorConditionRequest { Connector = "Salesforce", Kind = VendorConditionKind.Healthy }
        );
        Assert.Equal(VendorConditionKind.Healthy, healed.Condition.Kind);
        Assert.Null(healed.Condition.EndTime);
        // Retries are due on the hub's clock, and so is the circuit breaker's trial after the outage: time passes
        // while the test waits, a little at a time, as it would for a user.
        _hub.Time.Advance(TimeSpan.FromSeconds(20));
        await Eventually.HappensAsync(
            async () =>
            {
                _hub.Time.Advance(TimeSpan.FromSeconds(2));
                return Crm.LeadsWithEmail(Email).Count > 0 && (await PendingUpsertsAsync()).Count == 0;
            },
            "the held lead upsert delivered"
        );
        Assert.Single(Crm.LeadsWithEmail(Email));
        Assert.DoesNotContain((await _hub.Outbox.ListDeadLettersAsync(new ListDeadLettersRequest())).Effects, e =>
            e.Type.StartsWith("crm.", StringComparison.Ordinal)
        );
    }

    /// <summary>Lead upserts waiting for another attempt after a failed one.</summary>
    private async Task<List<Storage.Outbox.OutboxEffect>> HeldUpsertsAsync() =>
        [.. (await PendingUpsertsAsync()).Where(e => e.LastError is not null)];

    private Task<IReadOnlyList<Storage.Outbox.OutboxEffect>> PendingUpsertsAsync() =>
        _hub
            .Services.GetRequiredService<OutboxStore>()
            .ListAsync(EffectState.Pending, 100, EffectTypes.UpsertLead, null, CancellationToken.None);
}
