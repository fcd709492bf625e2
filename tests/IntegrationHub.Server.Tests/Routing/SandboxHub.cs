using Grpc.Net.Client;
using IntegrationHub.Contracts.Routing.V1;
using IntegrationHub.Hub.Decisions;
using IntegrationHub.Sdk.Sandbox;
using IntegrationHub.Sdk.TestKit;
using IntegrationHub.Server.RoutingApi;
using IntegrationHub.Server.Tests.Hosting;
using IntegrationHub.Storage.Outbox;
using IntegrationHub.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace IntegrationHub.Server.Tests.Routing;

/// <summary>
/// The hub as `dotnet run` starts it — sandbox fakes seeded with the demo world, the demo
/// policy — on a fake clock set to a Wednesday at 15:00 UTC (<see cref="TestClock.At"/>) (inside AMER, EMEA and LATAM
/// working hours, outside APAC's).
/// </summary>
public sealed class SandboxHub : IDisposable
{
    private readonly HubFactory _factory;

    public SandboxHub(Dictionary<string, string?>? settings = null, Action<IServiceCollection>? services = null)
    {
        // The clock is fake, so vendor retries (whose back-off waits on it) are off: a fault shows at once.
        settings ??= [];
        foreach (var vendor in new[] { "SixSense", "Salesforce", "Outreach", "Marketo", "Zoom" })
        {
            settings.TryAdd($"Connectors:{vendor}:Resilience:MaxRetryAttempts", "0");
        }

        _factory = new HubFactory(settings, s =>
        {
            s.AddSingleton<TimeProvider>(Time);
            services?.Invoke(s);
        });
        Channel = _factory.CreateChannel();
        Routing = new RoutingService.RoutingServiceClient(Channel);
        Conversations = new ConversationService.ConversationServiceClient(Channel);
        Presence = new PresenceService.PresenceServiceClient(Channel);
        Outbox = new OutboxService.OutboxServiceClient(Channel);
    }

    public FakeTimeProvider Time { get; } = TestClock.At(DayOfWeek.Wednesday, new TimeOnly(15, 0));

    public GrpcChannel Channel { get; }

    public RoutingService.RoutingServiceClient Routing { get; }

    public ConversationService.ConversationServiceClient Conversations { get; }

    public PresenceService.PresenceServiceClient Presence { get; }

    public OutboxService.OutboxServiceClient Outbox { get; }

    public IServiceProvider Services => _factory.Services;

    /// <summary>A channel sending <paramref name="apiKey"/> instead of the test key (null: no credentials).</summary>
    public GrpcChannel CreateChannel(string? apiKey) => _factory.CreateChannel(apiKey);

    public T Sandbox<T>()
        where T : ISandboxVendor => Services.GetRequiredService<IReadOnlyList<ISandboxVendor>>().OfType<T>().Single();

    public async Task AvailableAsync(params string[] reps)
    {
        foreach (var rep in reps)
        {
            await Presence.SetRepPresenceAsync(
                new SetRepPresenceRequest { RepId = rep, Status = PresenceStatus.Available }
            );
        }
    }

    public async Task<Decision> RouteAsync(
        string ip,
        string path = "/pricing",
        string email = "",
        string token = "",
        string? requestId = null
    ) =>
        (
            await Routing.RouteVisitorAsync(
                new RouteVisitorRequest
                {
                    RequestId = requestId ?? Guid.NewGuid().ToString("N"),
                    IpAddress = ip,
                    PageUrl = "https://www.example.com" + path,
                    Email = email,
                    ClickThroughToken = token,
                }
            )
        ).Decision;

    /// <summary>How many requests the in-process vendor fakes have received, all five together.</summary>
    public int VendorRequests() =>
        Services
            .GetRequiredService<IReadOnlyList<ISandboxVendor>>()
            .Select(v => v.GetType().GetProperty("Fake")!.GetValue(v) as Sdk.FakeKit.VendorFake)
            .Sum(f => f?.Requests.Count() ?? 0);

    /// <summary>Plain HTTP to the hub (webhooks).</summary>
    public HttpClient CreateHttpClient() => _factory.CreateClient();

    /// <summary>Plain HTTP to the JSON routes, sending <paramref name="apiKey"/> (null: no credentials).</summary>
    public HttpClient CreateJsonClient(string? apiKey = HubCredentials.Key)
    {
        var client = _factory.CreateClient();
        if (apiKey is not null)
        {
            client.DefaultRequestHeaders.Add("x-api-key", apiKey);
        }

        return client;
    }

    public async Task<Decision> RouteLeadAsync(LeadSubmission lead, string? requestId = null) =>
        (
            await Routing.RouteLeadAsync(
                new RouteLeadRequest { RequestId = requestId ?? Guid.NewGuid().ToString("N"), Lead = lead }
            )
        ).Decision;

    /// <summary>An MQL-scored form submission (120 points) with the given facts.</summary>
    public static LeadSubmission Lead(
        string email,
        string company,
        string country,
        string title = "Analyst",
        int score = 120,
        string first = "Alex",
        string last = "Rivera"
    ) =>
        new()
        {
            Email = email,
            FirstName = first,
            LastName = last,
            Company = company,
            CountryCode = country,
            Title = title,
            LeadScore = score,
        };

    /// <summary>
    /// A visitor nobody knows (AMER) offered to one of four available SDRs: a conversation with an accept timeout.
    /// </summary>
    public async Task<Decision> OfferedAsync(string path = "/pricing")
    {
        await AvailableAsync("005SDR010000000YBA", "005SDR020000000YBA", "005SDR120000000YBA", "005SDR050000000YBA");
        var decision = await RouteAsync("192.0.2.200", path);
        Assert.Equal(TargetKind.HumanRep, decision.Target.Kind);
        return decision;
    }

    /// <summary>Waits for the accept timeout of an unanswered offer to fire (the conversation moves on).</summary>
    public Task OfferTimedOutAsync(string conversationId) =>
        EventuallyAsync(
            () =>
                Conversations
                    .GetConversation(new GetConversationRequest { ConversationId = conversationId })
                    .Conversation.State != ConversationState.Offered,
            $"the offer in conversation {conversationId} timing out"
        );

    /// <summary>
    /// Moves the fake clock on by <paramref name="by"/> (at least the accept timeout) and waits until
    /// every durable timer due by then has fired and what it queued has been delivered: what a test
    /// proving that a timer did not fire waits for first. An offer made one accept timeout before
    /// the end comes due at the end, and due timers fire oldest first, so once it has timed out
    /// every earlier timer has had its turn. The outbox is drained first: a vendor call in flight when
    /// the clock jumps would see its timeout (on this clock) fire, and its retry would wait for a
    /// moment the clock never reaches again.
    /// </summary>
    public async Task AdvanceAndFireTimersAsync(TimeSpan by)
    {
        await OutboxDrainedAsync();
        var acceptTimeout = Services.GetRequiredService<PolicyProvider>().Current.AcceptTimeout;
        Time.Advance(by - acceptTimeout);
        var marker = await OfferedAsync();
        Time.Advance(acceptTimeout);
        await OfferTimedOutAsync(marker.ConversationId);
        await OutboxDrainedAsync();
    }

    /// <summary>
    /// Waits (machine time, up to <paramref name="seconds"/>) for something the outbox or a timer does in the
    /// background.
    /// </summary>
    public static Task EventuallyAsync(Func<bool> condition, string what, int seconds = 60) =>
        Eventually.HappensAsync(condition, what, TimeSpan.FromSeconds(seconds));

    /// <summary>
    /// Waits until every side effect enqueued so far has been delivered (or dead-lettered): what a
    /// test that asserts something was not sent waits for first. It asks the store, not the API: on a
    /// clock that stands still the caller's rate limit never refills, and a long wait would be refused
    /// before it could say what is stuck — which it does, effect by effect, when the outbox never drains.
    /// </summary>
    public async Task OutboxDrainedAsync()
    {
        var outbox = Services.GetRequiredService<OutboxStore>();
        try
        {
            await Eventually.HappensAsync(
                async () => await outbox.CountAsync(EffectState.Pending, CancellationToken.None) == 0,
                "the outbox draining"
            );
        }
        catch (TimeoutException timeout)
        {
            var stuck = await outbox.ListAsync(EffectState.Pending, 20, CancellationToken.None);
            throw new TimeoutException(
                $"{timeout.Message}; still pending at {Time.GetUtcNow():u}: "
                    + string.Join(
                        "; ",
                        stuck.Select(e =>
                            $"{e.Type} {e.IdempotencyKey} (attempts {e.Attempts}, next {e.NextAttemptAt:u}, "
                            + $"last error {e.LastError ?? "none"})"
                        )
                    ),
                timeout
            );
        }
    }

    public void Dispose() => _factory.Dispose();
}
