using Grpc.Core;
using IntegrationHub.Connectors.Salesforce.Fake;
using IntegrationHub.Contracts.Routing.V1;
using IntegrationHub.Routing.Leads;
using IntegrationHub.Server.Tests.Hosting;
using IntegrationHub.Server.Tests.Routing;

namespace IntegrationHub.Server.Tests.Outbox;

/// <summary>
/// The dead-letter list as an operator meets it over gRPC: side effects a vendor outage made the
/// hub give up on (one attempt allowed here, so the first failure is final), read, paged, and
/// retried once the vendor is back — delivered once, under the same idempotency key.
/// </summary>
public sealed class DeadLetterTests : IDisposable
{
    private readonly SandboxHub _hub = new(new() { ["Storage:Outbox:MaxAttempts"] = "1" });

    public DeadLetterTests() => Outbox = new OutboxService.OutboxServiceClient(_hub.Channel);

    public void Dispose() => _hub.Dispose();

    private OutboxService.OutboxServiceClient Outbox { get; }

    private SalesforceFake Crm => _hub.Sandbox<SalesforceSandbox>().Fake!;

    [Fact]
    public async Task A_lead_upsert_given_up_during_a_crm_outage_is_listed_and_after_a_retry_reaches_the_crm_once()
    {
        Crm.GoDown();
        var decision = await _hub.RouteLeadAsync(
            SandboxHub.Lead("robin@brand-new-startup.io", "Brand New Startup", "DE", "Engineer")
        );
        var dead = await DeadUpsertsAsync(1);

        var effect = Assert.Single(dead);
        Assert.Equal(decision.Id, effect.DecisionId);
        Assert.Equal(OutboxEffectState.Dead, effect.State);
        Assert.Equal(1, effect.Attempts);
        Assert.Contains("Salesforce", effect.LastError, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("robin@brand-new-startup.io", effect.PayloadJson, StringComparison.Ordinal);
        // The upsert, and possibly already the Accepted status the enrolment (Outreach is up) sends to the CRM.
        Assert.InRange((await Outbox.GetOutboxStatsAsync(new GetOutboxStatsRequest())).Dead, 1, 2);
        Assert.Empty(Crm.LeadsWithEmail("robin@brand-new-startup.io"));

        Crm.ComeBack();
        var retried = (await Outbox.RetryDeadLetterAsync(new RetryDeadLetterRequest { Id = effect.Id })).Effect;

        // Queued again; the dispatcher may already have delivered it by the time the answer reads the row back.
        Assert.Contains(retried.State, new[] { OutboxEffectState.Pending, OutboxEffectState.Delivered });
        Assert.Equal(effect.IdempotencyKey, retried.IdempotencyKey);
        await SandboxHub.EventuallyAsync(
            () => Crm.LeadsWithEmail("robin@brand-new-startup.io").Count == 1,
            "the lead in the CRM"
        );
        await SandboxHub.EventuallyAsync(
            () => Outbox.GetOutboxStats(new GetOutboxStatsRequest()).Pending == 0,
            "the outbox drained"
        );
        Assert.Single(Crm.LeadsWithEmail("robin@brand-new-startup.io"));
        Assert.Empty(
            (await Outbox.ListDeadLettersAsync(new ListDeadLettersRequest { Type = EffectTypes.UpsertLead })).Effects
        );
        var again = await RpcAssert.FailsWith(StatusCode.FailedPrecondition, () =>
            Outbox.RetryDeadLetterAsync(new RetryDeadLetterRequest { Id = effect.Id }).ResponseAsync
        );
        Assert.Contains("delivered", again.Status.Detail, StringComparison.Ordinal);
        Assert.Equal("FAILED_PRECONDITION", RpcAssert.Info(again)?.Reason);
    }

    [Fact]
    public async Task The_dead_letter_list_pages_oldest_first_and_filters_by_type()
    {
        Crm.GoDown();
        foreach (var name in new[] { "ana", "ben", "cy" })
        {
            await _hub.RouteLeadAsync(
                SandboxHub.Lead($"{name}@brand-new-startup.io", "Brand New Startup", "DE", "Engineer")
            );
        }

        var all = await DeadUpsertsAsync(3);
        var paged = new List<Contracts.Routing.V1.OutboxEffect>();
        var request = new ListDeadLettersRequest { Type = EffectTypes.UpsertLead, PageSize = 2 };
        do
        {
            var page = await Outbox.ListDeadLettersAsync(request);
            Assert.InRange(page.Effects.Count, 1, 2);
            paged.AddRange(page.Effects);
            request.PageToken = page.NextPageToken;
        } while (request.PageToken.Length > 0);

        Assert.Equal(all.Select(e => e.Id), paged.Select(e => e.Id));
        Assert.Equal(paged.OrderBy(e => e.CreateTime).Select(e => e.Id), paged.Select(e => e.Id));
        Assert.DoesNotContain(
            (await Outbox.ListDeadLettersAsync(new ListDeadLettersRequest { Type = EffectTypes.Notify })).Effects,
            e => e.Type == EffectTypes.UpsertLead
        );
    }

    [Fact]
    public async Task Bad_requests_get_field_violations_and_an_unknown_effect_is_not_found()
    {
        var list = await RpcAssert.FailsWith(StatusCode.InvalidArgument, () => Outbox
                .ListDeadLettersAsync(
                    new ListDeadLettersRequest
                    {
                        PageSize = 501,
                        PageToken = "not-a-token",
                        Type = new string('x', 65),
                    }
                )
                .ResponseAsync);
        var retry = await RpcAssert.FailsWith(StatusCode.InvalidArgument, () =>
            Outbox.RetryDeadLetterAsync(new RetryDeadLetterRequest()).ResponseAsync
        );
        await RpcAssert.FailsWith(StatusCode.NotFound, () =>
            Outbox.RetryDeadLetterAsync(new RetryDeadLetterRequest { Id = Guid.NewGuid().ToString("N") }).ResponseAsync
        );

        Assert.Equal(["page_size", "page_token", "type"], RpcAssert.ViolatedFields(list).Order(StringComparer.Ordinal));
        Assert.Equal(["id"], RpcAssert.ViolatedFields(retry));
    }

    private async Task<IReadOnlyList<Contracts.Routing.V1.OutboxEffect>> DeadUpsertsAsync(int count)
    {
        await SandboxHub.EventuallyAsync(
            () =>
                Outbox.ListDeadLetters(new ListDeadLettersRequest { Type = EffectTypes.UpsertLead }).Effects.Count
                >= count,
            $"{count} dead-lettered lead upserts"
        );
        return (
            await Outbox.ListDeadLettersAsync(new ListDeadLettersRequest { Type = EffectTypes.UpsertLead })
        ).Effects;
    }
}
