using IntegrationHub.Contracts.Routing.V1;
using IntegrationHub.Testing;

namespace IntegrationHub.Cli.Tests;

/// <summary>
/// A CRM outage outlasts the outbox's attempts: the operator finds the dead-lettered lead
/// upsert with hubctl, and once the CRM is back, retries it; the lead lands in the CRM once.
/// </summary>
public sealed class DeadLetterCommandTests : IAsyncLifetime
{
    private ExternalVendors _vendors = null!;
    private HubProcess _hub = null!;

    public async Task InitializeAsync()
    {
        _vendors = await ExternalVendors.StartAsync();
        _hub = await HubProcess.StartAsync(
            new Dictionary<string, string?>(_vendors.Settings)
            {
                ["Storage:Outbox:MaxAttempts"] = "1",
                ["Storage:Outbox:PollInterval"] = "00:00:00.050",
                ["Connectors:Salesforce:Resilience:MaxRetryAttempts"] = "0",
                ["Connectors:Salesforce:Resilience:CircuitBreakDuration"] = "00:00:01",
            }
        );
    }

    public async Task DisposeAsync()
    {
        await _hub.DisposeAsync();
        await _vendors.DisposeAsync();
    }

    [Fact]
    public async Task A_dead_lettered_upsert_is_listed_and_a_retry_delivers_it_once_the_crm_is_back()
    {
        const string email = "dana@outage-retail.io";
        _vendors.Crm.GoDown();
        await new RoutingService.RoutingServiceClient(_hub.Channel).RouteLeadAsync(
            new RouteLeadRequest
            {
                RequestId = "cli-dead-letter",
                Lead = new LeadSubmission
                {
                    Email = email,
                    FirstName = "Dana",
                    LastName = "Kim",
                    Company = "Outage Retail",
                    CountryCode = "DE",
                    Title = "CTO",
                    LeadScore = 150,
                },
            }
        );

        HubCtlRun list = null!;
        await Eventually.HappensAsync(
            async () =>
                (list = await HubCtlRun.AgainstAsync(_hub, ["dead-letters", "list", "--type", "crm.upsert_lead"]))
                    .Rows("crm.upsert_lead")
                    .Count == 1,
            "the lead upsert being dead-lettered"
        );
        var row = list.Rows("crm.upsert_lead")[0];
        Assert.Equal("1", row[3]); // attempts
        Assert.NotEqual("", row[4]); // the vendor's error, to act on
        Assert.Matches(@"[1-9]\d* dead", list.Output);

        _vendors.Crm.ComeBack();
        // The CRM's circuit breaker, if the outage opened it, lets calls through only after its
        // break (machine time); a retry inside it is refused and dead-lettered again. The operator
        // then retries again, as they would, until the upsert lands.
        var outbox = new OutboxService.OutboxServiceClient(_hub.Channel);
        var retries = 0;
        await Eventually.HappensAsync(
            async () =>
            {
                if (_vendors.CrmLeads(email) > 0)
                {
                    return true;
                }

                if (
                    (
                        await outbox.ListDeadLettersAsync(new ListDeadLettersRequest { Type = "crm.upsert_lead" })
                    ).Effects.Any(e => e.Id == row[0])
                )
                {
                    var retry = await HubCtlRun.AgainstAsync(_hub, ["dead-letters", "retry", row[0]]);
                    Assert.True(retry.ExitCode == 0, retry.ToString());
                    Assert.Contains(
                        $"Queued again: {row[0]} (crm.upsert_lead)",
                        retry.Output,
                        StringComparison.Ordinal
                    );
                    retries++;
                }

                return false;
            },
            "a retried upsert reaching the CRM"
        );

        Assert.True(retries > 0, "the lead reached the CRM without the operator's retry");
        Assert.Equal(1, _vendors.CrmLeads(email));
        Assert.Empty(
            (await HubCtlRun.AgainstAsync(_hub, ["dead-letters", "list", "--type", "crm.upsert_lead"])).Rows(
                "crm.upsert_lead"
            )
        );
    }
}
