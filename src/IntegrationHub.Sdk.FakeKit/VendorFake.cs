using System.Collections.Concurrent;
using System.Globalization;
using IntegrationHub.Sdk.Sandbox;
using Microsoft.AspNetCore.Builder;
using WireMock;
using WireMock.Logging;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;
using WireMock.Types;
using WireMock.Util;

namespace IntegrationHub.Sdk.FakeKit;

/// <summary>
/// A fake vendor API on a free loopback port. Subclasses answer in code (stateful like the
/// real API); this base adds what every fake needs for testing resilience: latency, an
/// outage, a queue of injected failures, and the request log tests assert on; and, for users
/// rehearsing an incident in the sandbox, a <see cref="VendorCondition"/> that lasts a while.
/// </summary>
public abstract class VendorFake : IAsyncDisposable
{
    // The callback WireMock hands a request to carries no abort signal; a middleware in front of it passes the
    // connection's down the same async flow.
    private static readonly AsyncLocal<CancellationToken> CallerGone = new();
    private readonly ConcurrentQueue<FakeResponse> _injected = new();
    private RequestHold? _hold;
    private readonly Lock _conditionLock = new();
    private VendorConditionState _condition = VendorConditionState.Healthy;
    private long _callsInCondition;
    private int _inFlight;
    private int _received;

    /// <param name="time">The fake's clock: the hub's own in sandbox mode and in tests, so "now" is one instant for the
    /// whole process.</param>
    protected VendorFake(TimeProvider? time = null)
    {
        Time = time ?? TimeProvider.System;
        Server = WireMockServer.Start(
            new WireMockServerSettings
            {
                Urls = ["http://127.0.0.1:0"],
                StartAdminInterface = false,
                PreWireMockMiddlewareInit = app =>
                    ((IApplicationBuilder)app).Use(
                        async (context, next) =>
                        {
                            CallerGone.Value = context.RequestAborted;
                            await next();
                        }
                    ),
            }
        );
        Server.Given(Request.Create().UsingAnyMethod()).RespondWith(Response.Create().WithCallback(HandleAsync));
    }

    public WireMockServer Server { get; }

    /// <summary>Where the fake reads "now": token lifetimes, rate-limit windows, record timestamps.</summary>
    public TimeProvider Time { get; }

    public Uri BaseUrl => new(Server.Url!.TrimEnd('/') + "/");

    /// <summary>Added to every answer.</summary>
    public TimeSpan Latency { get; set; }

    /// <summary>While true, every request gets the vendor's outage answer.</summary>
    public bool IsDown { get; private set; }

    /// <summary>Requests being answered right now (for vendors that limit concurrency).</summary>
    protected int InFlight => Volatile.Read(ref _inFlight);

    public IEnumerable<ILogEntry> Requests => Server.LogEntries;

    /// <summary>Requests that reached the fake, counted as they arrive (the log is written after the answer).</summary>
    public int Received => Volatile.Read(ref _received);

    public void GoDown() => IsDown = true;

    public void ComeBack() => IsDown = false;

    /// <summary>
    /// A failure every call meets until it is set back to <see cref="FakeTrouble.None"/>, answered by the vendor's
    /// own hook (<see cref="QuotaSpent"/>, <see cref="CredentialsRefused"/>, <see cref="Malformed"/>,
    /// <see cref="RequestRefused"/>). <see cref="GoDown"/> and <see cref="FailNext"/> take precedence.
    /// </summary>
    public FakeTrouble CurrentTrouble { get; set; }

    /// <summary>
    /// Holds every request from now until the returned hold is released (a later hold replaces it); the fake
    /// releases it when disposed.
    /// </summary>
    public RequestHold Hold()
    {
        var hold = new RequestHold();
        Interlocked.Exchange(ref _hold, hold)?.Release();
        return hold;
    }

    /// <summary>The condition imposed now; once its time is up on <see cref="Time"/> the vendor is healthy.</summary>
    public VendorConditionState Condition
    {
        get
        {
            var state = Volatile.Read(ref _condition);
            return state.EndsAt is { } end && Time.GetUtcNow() >= end ? VendorConditionState.Healthy : state;
        }
    }

    /// <summary>
    /// Puts the vendor in <paramref name="condition"/> for <paramref name="duration"/> on <see cref="Time"/>, replacing
    /// the one before (a failing share counts afresh). Independent of <see cref="GoDown"/> and <see cref="FailNext"/>,
    /// which tests drive and which take precedence.
    /// </summary>
    public VendorConditionState Impose(VendorCondition condition, TimeSpan duration)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(duration, TimeSpan.Zero);
        var now = Time.GetUtcNow();
        var state =
            condition.Kind == VendorConditionKind.Healthy
                ? VendorConditionState.Healthy
                : new VendorConditionState(
                    condition,
                    duration >= DateTimeOffset.MaxValue - now ? DateTimeOffset.MaxValue : now + duration
                );
        lock (_conditionLock)
        {
            Interlocked.Exchange(ref _callsInCondition, 0);
            Volatile.Write(ref _condition, state);
        }

        return state;
    }

    /// <summary>Ends the imposed condition now.</summary>
    public void Heal() => Impose(VendorCondition.Healthy, TimeSpan.MaxValue);

    /// <summary>The next <paramref name="count"/> requests get this answer instead of the real one.</summary>
    public void FailNext(int count, FakeResponse response)
    {
        for (var i = 0; i < count; i++)
        {
            _injected.Enqueue(response);
        }
    }

    public int CountRequests(string method, string pathPrefix) =>
        Server.LogEntries.Count(e =>
            e.RequestMessage is { } m
            && string.Equals(m.Method, method, StringComparison.OrdinalIgnoreCase)
            && m.Path.StartsWith(pathPrefix, StringComparison.Ordinal)
        );

    public void ResetLog() => Server.ResetLogEntries();

    /// <summary>The vendor's own answer to a request, as the real API would give it.</summary>
    protected abstract Task<FakeResponse> HandleVendorAsync(FakeRequest request);

    /// <summary>The vendor's answer while it is down, in the vendor's own shape (status, headers, body).</summary>
    protected virtual FakeResponse Outage() => FakeResponse.Json(503, new { message = "Service Unavailable" });

    /// <summary>
    /// The vendor's answer when it throttles a caller that may try again after <paramref name="retryAfter"/>, in the
    /// vendor's own shape and with its own retry signal (a Retry-After header, a reset header, or an in-body code).
    /// </summary>
    protected virtual FakeResponse Throttled(TimeSpan retryAfter) =>
        FakeResponse
            .Json(429, new { message = "Too Many Requests" })
            .WithHeader(
                "Retry-After",
                Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture)
            );

    /// <summary>
    /// The vendor's answer once a quota is spent (daily calls, credits), in its own shape. By default a 429 whose
    /// Retry-After is a day away, longer than any caller waits.
    /// </summary>
    protected virtual FakeResponse QuotaSpent(FakeRequest request) =>
        FakeResponse.Json(429, new { message = "Quota exceeded" }).WithHeader("Retry-After", "86400");

    /// <summary>
    /// The vendor's answer to credentials or a token it does not accept, in its own shape (a token endpoint's
    /// refusal differs from an API call's). By default a 401 naming an invalid token.
    /// </summary>
    protected virtual FakeResponse CredentialsRefused(FakeRequest request) =>
        FakeResponse
            .Json(401, new { message = "Invalid access token" })
            .WithHeader("WWW-Authenticate", "Bearer error=\"invalid_token\"");

    /// <summary>
    /// <paramref name="answer"/> spoilt: by default a 200 carrying the first half of the vendor's own body, as a
    /// proxy cutting a transfer short leaves it.
    /// </summary>
    protected virtual FakeResponse Malformed(FakeResponse answer) =>
        answer with
        {
            Status = 200,
            Body = answer.Body is { Length: > 1 } body ? body[..(body.Length / 2)] : "<html>Bad Gateway",
        };

    /// <summary>The vendor's refusal of a request it finds bad, in its own shape. By default a plain 400.</summary>
    protected virtual FakeResponse RequestRefused(FakeRequest request) =>
        FakeResponse.Json(400, new { message = "Bad Request" });

    public virtual ValueTask DisposeAsync()
    {
        Volatile.Read(ref _hold)?.Release();
        Server.Stop();
        Server.Dispose();
        GC.SuppressFinalize(this);
        return ValueTask.CompletedTask;
    }

    private async Task<IResponseMessage> HandleAsync(IRequestMessage message)
    {
        Interlocked.Increment(ref _inFlight);
        Interlocked.Increment(ref _received);
        try
        {
            var request = ToFakeRequest(message);
            if (Volatile.Read(ref _hold) is { IsReleased: false } hold)
            {
                await hold.KeepAsync(request, CallerGone.Value);
            }

            var condition = Condition;
            var latency = Latency + condition.Condition.Latency;
            if (latency > TimeSpan.Zero)
            {
                // Machine time, like the test latency: it stands for the wire, not for the business clock.
                await Task.Delay(latency);
            }

            var response =
                IsDown ? Outage()
                : _injected.TryDequeue(out var injected) ? injected
                : ConditionAnswer(condition) ?? await TroubledAnswerAsync(request);
            return ToMessage(response);
        }
        finally
        {
            Interlocked.Decrement(ref _inFlight);
        }
    }

    /// <summary>The vendor's answer, or the trouble's in its place.</summary>
    private async Task<FakeResponse> TroubledAnswerAsync(FakeRequest request) =>
        CurrentTrouble switch
        {
            FakeTrouble.QuotaSpent => QuotaSpent(request),
            FakeTrouble.CredentialsRefused => CredentialsRefused(request),
            FakeTrouble.RequestRefused => RequestRefused(request),
            FakeTrouble.MalformedBody => Malformed(await HandleVendorAsync(request)),
            _ => await HandleVendorAsync(request),
        };

    /// <summary>The answer the condition gives instead of the vendor's own, or null to let the vendor answer.</summary>
    private FakeResponse? ConditionAnswer(VendorConditionState state) =>
        state.Condition.Kind switch
        {
            VendorConditionKind.Down => Outage(),
            // The vendor would take calls again when the condition ends, so that is when it says to retry.
            VendorConditionKind.Throttled => Throttled(state.EndsAt!.Value - Time.GetUtcNow()),
            VendorConditionKind.Failing when FailsThisCall(state.Condition.FailurePercent) => Outage(),
            _ => null,
        };

    /// <summary>
    /// Deterministic and even: call n fails when n × share / 100 steps up, so 30 % fails calls 4, 7, 10, 14, …
    /// and exactly 30 of every 100.
    /// </summary>
    private bool FailsThisCall(int percent)
    {
        var n = Interlocked.Increment(ref _callsInCondition);
        return n * percent / 100 > (n - 1) * percent / 100;
    }

    private static FakeRequest ToFakeRequest(IRequestMessage message) =>
        new(
            message.Method,
            message.Path,
            (message.Query ?? new Dictionary<string, WireMockList<string>>()).ToDictionary(
                q => Uri.UnescapeDataString(q.Key),
                q => Uri.UnescapeDataString(string.Join(",", q.Value)),
                StringComparer.Ordinal
            ),
            (message.Headers ?? new Dictionary<string, WireMockList<string>>()).ToDictionary(
                h => h.Key,
                h => string.Join(",", h.Value),
                StringComparer.OrdinalIgnoreCase
            ),
            message.Body ?? ""
        );

    private static IResponseMessage ToMessage(FakeResponse response)
    {
        var headers = new Dictionary<string, WireMockList<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, value) in response.Headers ?? new Dictionary<string, string>())
        {
            headers[name] = new WireMockList<string>(value);
        }

        if (response.Body is not null)
        {
            headers["Content-Type"] = new WireMockList<string>(response.ContentType);
        }

        return new ResponseMessage
        {
            StatusCode = response.Status,
            Headers = headers,
            BodyData = response.Body is null
                ? null
                : new BodyData { BodyAsString = response.Body, DetectedBodyType = BodyType.String },
        };
    }
}
