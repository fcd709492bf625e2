using System.Security.Cryptography;
using System.Text;
using IntegrationHub.Sdk.Connectors;
using IntegrationHub.Sdk.TestKit;
using IntegrationHub.Sdk.Webhooks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationHub.Connectors.Outreach.Tests;

/// <summary>
/// The connector as the hub's webhook receiver: only bodies signed with the configured secret are
/// believed, and Outreach's event shapes become the hub's events.
/// </summary>
public sealed class OutreachWebhookTests : IAsyncLifetime
{
    private const string Secret = "outreach-webhook-secret";
    private const string Sent = "2026-05-06T12:00:00.000Z";
    private static readonly string Reply = Event("sequenceState", "7", "sequenceState.updated", """{"replyCount":1}""");
    private readonly List<ConnectorHarness> _harnesses = [];

    public static TheoryData<string, VendorEvent?> Events() =>
        new()
        {
            {
                Event("sequenceState", "7", "sequenceState.created", """{"state":"active"}"""),
                new SequenceEnrolled("7")
            },
            {
                Event("sequenceState", "7", "sequenceState.finished", """{"replyCount":0}"""),
                new SequenceFinished("7", 0)
            },
            {
                Event("sequenceState", "7", "sequenceState.finished", """{"replyCount":2}"""),
                new SequenceFinished("7", 2)
            },
            { Event("sequenceState", "7", "sequenceState.updated", """{"replyCount":1}"""), new SequenceReplied("7") },
            { Event("sequenceState", "7", "sequenceState.advanced", """{"replyCount":3}"""), new SequenceReplied("7") },
            { Event("sequenceState", "7", "sequenceState.updated", """{"replyCount":0}"""), null },
            {
                Event("mailing", "99", "mailing.replied", "{}", """{"sequenceState":{"data":{"id":7}}}"""),
                new SequenceReplied("7")
            },
            { Event("mailing", "99", "mailing.replied", "{}"), null },
            { Event("prospect", "18", "prospect.updated", """{"optedOut":true}"""), new PersonOptedOut("18", Sent) },
            { Event("prospect", "18", "prospect.updated", """{"optedOut":false}"""), null },
            { Event("task", "5", "task.completed", """{"state":"completed"}"""), null },
        };

    [Theory]
    [MemberData(nameof(Events))]
    public async Task A_signed_event_is_read_as_the_hubs_event(string body, VendorEvent? expected)
    {
        var delivery = Assert.IsType<WebhookDelivery>(await ReceiveAsync(body, Sign(body, Secret)));

        Assert.Equal(expected is null ? [] : [expected], delivery.Events);
        Assert.Equal(DateTimeOffset.Parse(Sent, System.Globalization.CultureInfo.InvariantCulture), delivery.SentAt);
    }

    [Fact]
    public async Task A_delivery_names_the_event_and_what_it_is_about_and_may_lack_a_delivery_time()
    {
        var body = """{"data":{"type":"sequenceState","id":7,"meta":{"eventName":"sequenceState.created"}}}""";

        var delivery = Assert.IsType<WebhookDelivery>(await ReceiveAsync(body, Sign(body, Secret)));

        Assert.Equal(("sequenceState.created", "7"), (delivery.Name, delivery.Subject));
        Assert.Null(delivery.SentAt);
    }

    public static TheoryData<string, string?> BadProofs() =>
        new()
        {
            { "no signature", null },
            { "signed with another secret", Sign(Reply, "not-the-secret") },
            { "signature of another body", Sign(Reply.Replace(":1}", ":4}", StringComparison.Ordinal), Secret) },
            { "not hex", "zz" + Sign(Reply, Secret)[2..] },
            { "cut short", Sign(Reply, Secret)[..32] },
        };

    [Theory]
    [MemberData(nameof(BadProofs))]
    public async Task A_body_without_the_right_signature_is_refused_as_unauthenticated(string why, string? signature)
    {
        var receipt = await ReceiveAsync(Reply, signature);

        Assert.True(Assert.IsType<WebhookRefusal>(receipt).Kind == WebhookRefusalKind.Unauthenticated, why);
    }

    [Fact]
    public async Task The_signature_may_carry_a_sha256_prefix_upper_case_hex_and_any_header_case()
    {
        var signature = "sha256=" + Sign(Reply, Secret).ToUpperInvariant();
        var request = new WebhookRequest(
            [KeyValuePair.Create("outreach-webhook-signature", signature)],
            Encoding.UTF8.GetBytes(Reply)
        );

        Assert.IsType<WebhookDelivery>(await Receiver().ReceiveAsync(request, CancellationToken.None));
    }

    [Theory]
    [InlineData("<xml/>")]
    [InlineData("""{"data":{"type":"sequenceState"}}""")]
    [InlineData("""{"data":{"type":"sequenceState","id":null,"meta":{"eventName":"sequenceState.updated"}}}""")]
    [InlineData("""{"data":{"id":7,"meta":{"eventName":"sequenceState.updated"}}}""")]
    [InlineData("""{"data":{"type":"sequenceState","id":7,"meta":{}}}""")]
    public async Task A_signed_body_that_is_not_an_outreach_event_is_refused_as_malformed(string body)
    {
        var receipt = await ReceiveAsync(body, Sign(body, Secret));

        Assert.Equal(WebhookRefusalKind.Malformed, Assert.IsType<WebhookRefusal>(receipt).Kind);
    }

    [Fact]
    public async Task Without_a_secret_the_receiver_is_not_ready_and_believes_nothing()
    {
        var reason = Receiver(secret: null).NotReadyReason;
        Assert.Contains("Connectors:Outreach:WebhookSecret", reason, StringComparison.Ordinal);

        // A body "signed" with the empty secret proves nothing.
        Assert.IsType<WebhookRefusal>(await ReceiveAsync(Reply, Sign(Reply, ""), secret: null));
    }

    [Fact]
    public void The_receiver_is_ready_once_a_secret_is_configured() => Assert.Null(Receiver().NotReadyReason);

    [Theory]
    [InlineData(null, "former-secret")]
    [InlineData("new-secret", "new-secret")]
    public async Task The_secret_is_read_from_the_former_key_unless_the_new_one_is_set(string? configured, string used)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(
                new Dictionary<string, string?>
                {
                    [OutreachSetup.FormerWebhookSecretKey] = "former-secret",
                    ["Connectors:Outreach:WebhookSecret"] = configured,
                }
            )
            .Build();
        await using var provider = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddSingleton(TestClock.Running())
            .AddLogging()
            .AddConnector(typeof(OutreachConnector), configuration.GetSection("Connectors"))
            .BuildServiceProvider();
        IWebhookReceiver receiver = provider.GetRequiredService<OutreachConnector>();

        var signed = Request(Reply, Sign(Reply, used));

        Assert.IsType<WebhookDelivery>(await receiver.ReceiveAsync(signed, CancellationToken.None));
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        foreach (var harness in _harnesses)
        {
            await harness.DisposeAsync();
        }
    }

    private IWebhookReceiver Receiver(string? secret = Secret)
    {
        var harness = ConnectorHarness.Create<OutreachConnector>(
            new Dictionary<string, string?> { ["WebhookSecret"] = secret }
        );
        _harnesses.Add(harness);
        return harness.Get<OutreachConnector>();
    }

    private ValueTask<WebhookReceipt> ReceiveAsync(string body, string? signature, string? secret = Secret) =>
        Receiver(secret).ReceiveAsync(Request(body, signature), CancellationToken.None);

    private static WebhookRequest Request(string body, string? signature) =>
        new(
            signature is null ? [] : [KeyValuePair.Create(OutreachWebhookSignature.Header, signature)],
            Encoding.UTF8.GetBytes(body)
        );

    /// <summary>What Outreach sends: the hex HMAC-SHA256 of the body with the webhook's secret.</summary>
    private static string Sign(string body, string secret) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body)));

    private static string Event(string type, string id, string name, string attributes, string relationships = "{}") =>
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
        + Sent
        + "\"}}}";
}
