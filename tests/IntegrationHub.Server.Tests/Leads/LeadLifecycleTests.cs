using System.Net;
using System.Security.Cryptography;
using System.Text;
using IntegrationHub.Connectors.Outreach;
using IntegrationHub.Connectors.Outreach.Fake;
using IntegrationHub.Connectors.Salesforce.Fake;
using IntegrationHub.Contracts.Routing.V1;
using IntegrationHub.Hub.Leads;
using IntegrationHub.Server.RoutingApi;
using IntegrationHub.Server.Tests.Routing;

namespace IntegrationHub.Server.Tests.Leads;

/// <summary>
/// The lead status lifecycle driven by signed Outreach webhooks, on the sandbox fakes: enrolled →
/// Accepted, replied → Qualifying, finished without a reply → Unresponsive after 7 days on the
/// durable timer (fake clock), person inactive → sequences finished; bad webhooks change nothing.
/// </summary>
public sealed class LeadLifecycleTests : IDisposable
{
    private const string Secret = "test-outreach-webhook-secret";
    private const string Path = "/webhooks/outreach";
    private readonly SandboxHub _hub = new(
        new Dictionary<string, string?> { ["Connectors:Outreach:WebhookSecret"] = Secret }
    );
    private readonly HttpClient _http;

    public LeadLifecycleTests() => _http = _hub.CreateHttpClient();

    public void Dispose()
    {
        _http.Dispose();
        _hub.Dispose();
    }

    private SalesforceFake Crm => _hub.Sandbox<SalesforceSandbox>().Fake!;

    private OutreachFake Sequencer => _hub.Sandbox<OutreachSandbox>().Fake!;

    [Fact]
    public async Task Enrolment_makes_the_lead_accepted_and_a_reply_makes_it_qualifying()
    {
        var state = await EnrolledLeadAsync("reply@brand-new-startup.io");

        var response = await PostAsync(
            Event("sequenceState", state, "sequenceState.updated", """{"state":"active","replyCount":1}""")
        );

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await StatusBecomesAsync("reply@brand-new-startup.io", "Qualifying");
    }

    [Fact]
    public async Task A_sequence_finished_without_a_reply_makes_the_lead_unresponsive_after_seven_days_not_before()
    {
        await FinishedWithoutReplyAsync("quiet@brand-new-startup.io");
        await _hub.AdvanceAndFireTimersAsync(TimeSpan.FromDays(6));
        Assert.Equal("Accepted", Status("quiet@brand-new-startup.io"));

        _hub.Time.Advance(TimeSpan.FromDays(1) + TimeSpan.FromMinutes(1));
        await StatusBecomesAsync("quiet@brand-new-startup.io", "Unresponsive");
    }

    [Fact]
    public async Task A_reply_during_the_wait_cancels_unresponsive()
    {
        var state = await FinishedWithoutReplyAsync("late@brand-new-startup.io");
        _hub.Time.Advance(TimeSpan.FromDays(3));
        await PostAsync(
            Event(
                "mailing",
                "99123",
                "mailing.replied",
                "{}",
                "{\"sequenceState\":{\"data\":{\"type\":\"sequenceState\",\"id\":" + state + "}}}"
            )
        );
        await StatusBecomesAsync("late@brand-new-startup.io", "Qualifying");
        await _hub.AdvanceAndFireTimersAsync(TimeSpan.FromDays(5));

        Assert.Equal("Qualifying", Status("late@brand-new-startup.io"));
    }

    [Fact]
    public async Task A_reply_before_the_lead_sla_deadline_cancels_the_sla_and_the_lead_stays_with_its_owner()
    {
        await _hub.PublishSlaAsync(15);
        var state = await EnrolledLeadAsync("answered@brand-new-startup.io");
        var owner = Owner("answered@brand-new-startup.io");
        using var outcomes = LeadSlaSteps.Outcomes();

        await PostAsync(Event("sequenceState", state, "sequenceState.updated", """{"replyCount":1}"""));
        await StatusBecomesAsync("answered@brand-new-startup.io", "Qualifying");
        await _hub.AdvanceAndFireTimersAsync(TimeSpan.FromMinutes(16));

        Assert.Equal(owner, Owner("answered@brand-new-startup.io"));
        Assert.Empty(await _hub.ReassignmentsAsync());
        // Cancelled by the signal, not merely kept at the deadline's CRM check: only a signal counts "cancelled".
        Assert.Contains("cancelled", outcomes.Values);
    }

    [Fact]
    public async Task A_person_marked_inactive_has_their_running_sequences_finished()
    {
        await EnrolledLeadAsync("gone@brand-new-startup.io");
        var prospect = Sequencer.ProspectsWithEmail("gone@brand-new-startup.io").Single();

        var response = await PostAsync(
            Event(
                "prospect",
                prospect.Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                "prospect.updated",
                """{"optedOut":true}"""
            )
        );

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await SandboxHub.EventuallyAsync(
            () =>
                Sequencer
                    .ProspectsWithEmail("gone@brand-new-startup.io")
                    .Single()
                    .States.All(s => s.State == "finished"),
            "the sequences finishing"
        );
    }

    [Fact]
    public async Task Unsigned_mis_signed_and_malformed_webhooks_are_refused_and_change_nothing()
    {
        var state = await EnrolledLeadAsync("guarded@brand-new-startup.io");
        var reply = Event("sequenceState", state, "sequenceState.updated", """{"replyCount":3}""");

        using var unsigned = new StringContent(reply, Encoding.UTF8, "application/json");
        var noSignature = await _http.PostAsync(Path, unsigned);
        var wrongSignature = await PostAsync(reply, signature: Sign(reply, "not-the-secret"));
        var tampered = await PostAsync(
            reply.Replace("\"replyCount\":3", "\"replyCount\":4", StringComparison.Ordinal),
            signature: Sign(reply, Secret)
        );
        var malformed = await PostAsync("{\"data\":{\"type\":\"sequenceState\"}}");
        var notJson = await PostAsync("<xml/>");
        // A webhook let through would have queued its CRM write before it was answered.
        await _hub.OutboxDrainedAsync();

        Assert.Equal(HttpStatusCode.Unauthorized, noSignature.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, wrongSignature.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, tampered.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, notJson.StatusCode);
        Assert.Equal("Accepted", Status("guarded@brand-new-startup.io"));
    }

    [Fact]
    public async Task A_repeated_event_changes_the_status_once()
    {
        var state = await EnrolledLeadAsync("repeat@brand-new-startup.io");

        // Two distinct deliveries of the same transition (not a replay of one body): statuses only move forward.
        await PostAsync(Event("sequenceState", state, "sequenceState.updated", """{"replyCount":1}"""));
        await PostAsync(Event("sequenceState", state, "sequenceState.updated", """{"replyCount":2}"""));
        await StatusBecomesAsync("repeat@brand-new-startup.io", "Qualifying");
        // Both events were answered, so a second write, had either queued one, is in the outbox.
        await _hub.OutboxDrainedAsync();

        var statusWrites = Crm
            .Requests.Select(r => r.RequestMessage!)
            .Count(r =>
                r.Method == "PATCH" && (r.Body ?? "").Contains("\"Status\":\"Qualifying\"", StringComparison.Ordinal)
            );
        Assert.Equal(1, statusWrites);
    }

    [Fact]
    public async Task A_replayed_delivery_is_answered_without_effect_and_counted()
    {
        var state = await EnrolledLeadAsync("replayed@brand-new-startup.io");
        var finished = Event(
            "sequenceState",
            state,
            "sequenceState.finished",
            """{"state":"finished","replyCount":0}"""
        );
        using var counted = new CountedTags("hub.webhooks.without_effect", "reason");

        var first = await PostAsync(finished);
        var replay = await PostAsync(finished);

        Assert.Equal("""{"applied":true}""", await first.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Equal("""{"applied":false,"replay":true}""", await replay.Content.ReadAsStringAsync());
        Assert.Equal(["replay"], counted.Values);
    }

    [Fact]
    public async Task A_signed_body_delivered_long_ago_is_refused_and_changes_nothing()
    {
        var state = await EnrolledLeadAsync("stale@brand-new-startup.io");
        using var counted = new CountedTags("hub.webhooks.without_effect", "reason");

        var stale = await PostAsync(
            Event(
                "sequenceState",
                state,
                "sequenceState.updated",
                """{"replyCount":1}""",
                deliveredAt: _hub.Time.GetUtcNow().AddMinutes(-16)
            )
        );
        await _hub.OutboxDrainedAsync();

        Assert.Equal(HttpStatusCode.BadRequest, stale.StatusCode);
        Assert.Equal("Accepted", Status("stale@brand-new-startup.io"));
        Assert.Equal(["stale"], counted.Values);
    }

    /// <summary>Routes a lead and waits until it is enrolled and Accepted; returns the sequence state id.</summary>
    private async Task<string> EnrolledLeadAsync(string email)
    {
        await _hub.RouteLeadAsync(
            new LeadSubmission
            {
                Email = email,
                FirstName = "Robin",
                LastName = "Lee",
                Company = "Brand New Startup",
                CountryCode = "DE",
                Title = "Engineer",
                LeadScore = 120,
            }
        );
        await SandboxHub.EventuallyAsync(() => Status(email) == "Accepted", "the lead enrolled and Accepted");
        return Sequencer.ProspectsWithEmail(email).Single().States.Count == 1
            ? Sequencer
                .SequenceStates()
                .Single(s => s.Prospect == Sequencer.ProspectsWithEmail(email).Single().Id)
                .Id.ToString(System.Globalization.CultureInfo.InvariantCulture)
            : throw new InvalidOperationException("expected one enrolment");
    }

    private async Task<string> FinishedWithoutReplyAsync(string email)
    {
        var state = await EnrolledLeadAsync(email);
        await PostAsync(
            Event("sequenceState", state, "sequenceState.finished", """{"state":"finished","replyCount":0}""")
        );
        return state;
    }

    private Task StatusBecomesAsync(string email, string status) =>
        SandboxHub.EventuallyAsync(() => Status(email) == status, $"{email} becoming {status}");

    private string? Owner(string email) =>
        (string?)Crm.LeadsWithEmail(email).LastOrDefault()?.GetValueOrDefault("OwnerId");

    private string? Status(string email) =>
        (string?)Crm.LeadsWithEmail(email).LastOrDefault()?.GetValueOrDefault("Status");

    /// <summary>
    /// An Outreach event body as delivered now by the hub's clock (or at <paramref name="deliveredAt"/>).
    /// </summary>
    private string Event(
        string type,
        string id,
        string name,
        string attributes,
        string relationships = "{}",
        DateTimeOffset? deliveredAt = null
    ) =>
        "{\"data\":{\"type\":\""
        + type
        + "\",\"id\":"
        + id
        + ",\"attributes\":"
        + attributes
        + ",\"relationships\":"
        + relationships
        + ",\"meta\":{\"eventName\":\""
        + name
        + "\",\"deliveredAt\":\""
        + (deliveredAt ?? _hub.Time.GetUtcNow()).UtcDateTime.ToString(
            "yyyy-MM-dd'T'HH:mm:ss.fff'Z'",
            System.Globalization.CultureInfo.InvariantCulture
        )
        + "\"}}}";

    private async Task<HttpResponseMessage> PostAsync(string body, string? signature = null)
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        content.Headers.Add(OutreachWebhookSignature.Header, signature ?? Sign(body, Secret));
        return await _http.PostAsync(Path, content);
    }

    private static string Sign(string body, string secret) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body)));
}
