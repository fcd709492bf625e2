using System.Globalization;
using IntegrationHub.Sdk.Capabilities.Sequencing;
using IntegrationHub.Sdk.FakeKit;
using IntegrationHub.Sdk.Sandbox;

namespace IntegrationHub.Connectors.Outreach.Fake;

/// <summary>
/// A fake of Outreach API v2: refresh-token OAuth with 2-hour tokens, JSON:API documents with
/// integer ids and `included`, cursor paging through links.next, 415 without the JSON:API media
/// type, hourly rate limit headers on every answer and 429 past them, 422 validation errors.
/// The refresh token rotates on every use as Outreach's does: a spent one is refused with
/// 400 invalid_grant. A test can hold a refresh or an enrolment at a step (<see cref="PauseAt"/>).
/// </summary>
public sealed class OutreachFake(TimeProvider? time = null) : VendorFake(time)
{
    public const string ClientId = "sandbox-outreach-client";
    public const string ClientSecret = "sandbox-outreach-secret";
    public const string InitialRefreshToken = "sandbox-outreach-refresh";

    private readonly Lock _lock = new();
    private readonly HashSet<string> _tokens = [];
    private readonly OutreachPauses _pauses = new();
    private string? _unusedAccessToken;
    private string _refreshToken = InitialRefreshToken;
    private long _nextId = 1000;
    private (long Hour, int Calls) _window;

    internal List<FakeProspect> Prospects { get; } = [];
    internal List<FakeUser> Users { get; } = [];
    internal Dictionary<long, string> Sequences { get; } = [];
    internal List<FakeState> States { get; } = [];
    internal List<FakeMailing> Mailings { get; } = [];

    /// <summary>Resources per page before links.next (Outreach: 50 by default).</summary>
    public int PageSize { get; set; } = 50;

    /// <summary>Requests per hour per user (Outreach: 10,000).</summary>
    public int HourlyLimit { get; set; } = 10_000;

    public int TokensIssued { get; private set; }

    /// <summary>
    /// Holds the next request that reaches <paramref name="step"/> until the test releases or drops it.
    /// </summary>
    public OutreachPause PauseAt(OutreachStep step) => _pauses.Arm(step);

    /// <summary>
    /// Stands for another installation of the same app refreshing (or a re-authorization): the
    /// hub's refresh token is spent, and the one returned is the only valid one.
    /// </summary>
    public string RotateElsewhere()
    {
        lock (_lock)
        {
            return _refreshToken = "refresh-" + Guid.NewGuid().ToString("N");
        }
    }

    /// <summary>Expires every access token: the next call answers 401.</summary>
    public void ExpireTokens()
    {
        lock (_lock)
        {
            _tokens.Clear();
        }
    }

    /// <summary>
    /// A mailing Outreach sent to the prospect in the sequence from the user's mailbox, its links tracked with this
    /// custom tracking id, clicked at <paramref name="clickedAt"/> or not at all.
    /// </summary>
    public void AddMailing(long prospectId, long sequenceId, long userId, string trackingId, DateTimeOffset? clickedAt)
    {
        lock (_lock)
        {
            Mailings.Add(new FakeMailing(++_nextId, prospectId, sequenceId, userId, trackingId, clickedAt));
        }
    }

    public IReadOnlyList<(long Id, long Prospect, long Sequence, string State)> SequenceStates()
    {
        lock (_lock)
        {
            return [.. States.Select(s => (s.Id, s.ProspectId, s.SequenceId, s.State))];
        }
    }

    /// <summary>The prospects that have this email, and each one's sequence states.</summary>
    public IReadOnlyList<(
        long Id,
        IReadOnlyList<(long Sequence, long Mailbox, string State)> States
    )> ProspectsWithEmail(string email)
    {
        lock (_lock)
        {
            return
            [
                .. Prospects
                    .Where(p => p.Emails.Contains(email, StringComparer.OrdinalIgnoreCase))
                    .Select(p =>
                        (
                            p.Id,
                            (IReadOnlyList<(long, long, string)>)
                                [
                                    .. States
                                        .Where(s => s.ProspectId == p.Id)
                                        .Select(s => (s.SequenceId, s.MailboxId, s.State)),
                                ]
                        )
                    ),
            ];
        }
    }

    public void Seed(SandboxSeed seed, DateTimeOffset now)
    {
        lock (_lock)
        {
            foreach (var rep in seed.SequencingReps)
            {
                Users.Add(new FakeUser(Long(rep.Id), rep.Email, rep.Name));
            }

            foreach (var prospect in seed.Prospects)
            {
                Prospects.Add(
                    new FakeProspect(
                        Long(prospect.Id),
                        [.. prospect.Emails],
                        prospect.FirstName,
                        prospect.LastName,
                        prospect.Title,
                        prospect.Company,
                        prospect.Owner is { } owner ? Long(owner.Id) : null
                    )
                );
                foreach (var state in prospect.SequenceStates)
                {
                    Sequences[Long(state.SequenceId)] = state.SequenceName;
                    States.Add(
                        new FakeState(
                            Long(state.Id),
                            Long(prospect.Id),
                            Long(state.SequenceId),
                            state.Rep is { } rep ? Long(rep.Id) : 0,
                            state.State.ToString().ToLowerInvariant() is "stopped"
                                ? "disabled"
                                : state.State.ToString().ToLowerInvariant(),
                            seed.Shift(state.StateChangedAt, now) ?? now,
                            state.ReplyCount
                        )
                    );
                }
            }

            foreach (var click in seed.ClickThroughs)
            {
                Mailings.Add(
                    new FakeMailing(
                        ++_nextId,
                        Long(click.ProspectId),
                        Long(click.SequenceId),
                        Long(click.OwnerRepId),
                        click.Token,
                        seed.Shift(click.ClickedAt, now)
                    )
                );
            }
        }
    }

    protected override async Task<FakeResponse> HandleVendorAsync(FakeRequest request)
    {
        if (request.Is("POST", "/oauth/token"))
        {
            if (!await _pauses.PassAsync(OutreachStep.TokenRequestArrived))
            {
                return Dropped();
            }

            FakeResponse token;
            lock (_lock)
            {
                token = Token(request);
            }

            return token.Status == 200 && !await _pauses.PassAsync(OutreachStep.TokenRotated) ? Dropped() : token;
        }

        bool firstUse;
        lock (_lock)
        {
            firstUse =
                _unusedAccessToken is not null && request.Header("Authorization") == "Bearer " + _unusedAccessToken;
            _unusedAccessToken = firstUse ? null : _unusedAccessToken;
        }

        if (
            (firstUse && !await _pauses.PassAsync(OutreachStep.FirstCallWithNewToken))
            || (request.Is("POST", "/api/v2/sequenceStates") && !await _pauses.PassAsync(OutreachStep.EnrolmentArrived))
        )
        {
            return Dropped();
        }

        lock (_lock)
        {
            var response = Api(request);
            if (response.Status == 429)
            {
                // Throttled() already says when the window resets.
                return response;
            }

            var hour = Time.GetUtcNow().ToUnixTimeSeconds() / 3600;
            var reset = ((hour + 1) * 3600).ToString(CultureInfo.InvariantCulture);
            return response
                .WithHeader("X-RateLimit-Limit", HourlyLimit.ToString(CultureInfo.InvariantCulture))
                .WithHeader(
                    "X-RateLimit-Remaining",
                    Math.Max(0, HourlyLimit - _window.Calls).ToString(CultureInfo.InvariantCulture)
                )
                .WithHeader("X-RateLimit-Reset", reset);
        }
    }

    /// <summary>A JSON:API error document with a 503, Outreach's error shape for a service that is down.</summary>
    protected override FakeResponse Outage() =>
        OutreachDocuments.Error(
            503,
            "serviceUnavailable",
            "Service Unavailable",
            "The service is temporarily unavailable; please try again later."
        );

    /// <summary>
    /// Outreach's 429: a JSON:API rateLimitExceeded error, "please try again at" the reset, and the reset as the
    /// epoch in X-RateLimit-Reset with X-RateLimit-Remaining 0. No Retry-After: Outreach is not documented to send
    /// one, so a client has to read the reset header.
    /// </summary>
    protected override FakeResponse Throttled(TimeSpan retryAfter)
    {
        var reset = Time.GetUtcNow() + retryAfter;
        var seconds = (long)Math.Ceiling(reset.ToUnixTimeMilliseconds() / 1000.0);
        var at = DateTimeOffset
            .FromUnixTimeSeconds(seconds)
            .UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss", CultureInfo.InvariantCulture);
        return OutreachDocuments
            .Error(
                429,
                "rateLimitExceeded",
                "Rate Limit Exceeded",
                $"You have exceeded your permitted rate limit of {HourlyLimit:N0}; please try again at {at}."
            )
            .WithHeader("X-RateLimit-Limit", HourlyLimit.ToString(CultureInfo.InvariantCulture))
            .WithHeader("X-RateLimit-Remaining", "0")
            .WithHeader("X-RateLimit-Reset", seconds.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>Outreach's only quota is its hourly limit: spent, every call is throttled till the hour.</summary>
    protected override FakeResponse QuotaSpent(FakeRequest request)
    {
        var hour = Time.GetUtcNow().ToUnixTimeSeconds() / 3600;
        return Throttled(DateTimeOffset.FromUnixTimeSeconds((hour + 1) * 3600) - Time.GetUtcNow());
    }

    /// <summary>
    /// The token endpoint refuses a refresh token it does not know with OAuth's 400 invalid_grant; the API an
    /// access token it does not know with a JSON:API 401.
    /// </summary>
    protected override FakeResponse CredentialsRefused(FakeRequest request) =>
        request.Is("POST", "/oauth/token")
            ? FakeResponse.Json(
                400,
                new { error = "invalid_grant", error_description = "The provided authorization grant is invalid." }
            )
            : OutreachDocuments.Error(
                401,
                "unauthorized",
                "Unauthorized",
                "The access token is invalid or has expired."
            );

    /// <summary>Outreach's JSON:API 400 for a filter it does not take.</summary>
    protected override FakeResponse RequestRefused(FakeRequest request) =>
        OutreachDocuments.Error(400, "badRequest", "Bad Request", "The filter is not valid for this resource.");

    /// <summary>What a client that is still there would see of a request the vendor dropped.</summary>
    private static FakeResponse Dropped() => FakeResponse.Json(504, new { message = "Gateway Timeout" });

    private FakeResponse Api(FakeRequest request)
    {
        var auth = request.Header("Authorization") ?? "";
        if (!auth.StartsWith("Bearer ", StringComparison.Ordinal) || !_tokens.Contains(auth[7..]))
        {
            return OutreachDocuments.Error(
                401,
                "unauthorized",
                "Unauthorized",
                "The access token is invalid or has expired."
            );
        }

        var hour = Time.GetUtcNow().ToUnixTimeSeconds() / 3600;
        _window = _window.Hour == hour ? (hour, _window.Calls + 1) : (hour, 1);
        if (_window.Calls > HourlyLimit)
        {
            return Throttled(DateTimeOffset.FromUnixTimeSeconds((hour + 1) * 3600) - Time.GetUtcNow());
        }

        if (
            request.Body.Length > 0
            && !(request.Header("Content-Type") ?? "").StartsWith("application/vnd.api+json", StringComparison.Ordinal)
        )
        {
            return FakeResponse.Json(
                415,
                new
                {
                    errors = new[]
                    {
                        new
                        {
                            id = "unsupportedMediaType",
                            title = "Unsupported Media Type",
                            details = "Expected Content-Type header to be 'application/vnd.api+json'.",
                        },
                    },
                }
            );
        }

        return new OutreachDocuments(this, BaseUrl).Answer(request, ref _nextId);
    }

    private FakeResponse Token(FakeRequest request)
    {
        var form = request
            .Body.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .ToDictionary(
                p => Uri.UnescapeDataString(p[0]),
                p => p.Length > 1 ? Uri.UnescapeDataString(p[1].Replace('+', ' ')) : ""
            );
        if (form.GetValueOrDefault("client_id") != ClientId || form.GetValueOrDefault("client_secret") != ClientSecret)
        {
            return FakeResponse.Json(
                401,
                new
                {
                    error = "invalid_client",
                    error_description = "Client authentication failed due to unknown client, no client "
                        + "authentication included, or unsupported authentication method.",
                }
            );
        }

        // A refresh token works once: the one it answered with replaces it, and the spent one is refused.
        if (
            form.GetValueOrDefault("grant_type") != "refresh_token"
            || form.GetValueOrDefault("refresh_token") != _refreshToken
        )
        {
            return FakeResponse.Json(
                400,
                new
                {
                    error = "invalid_grant",
                    error_description = "The provided authorization grant is invalid, expired, revoked, does not "
                        + "match the redirection URI used in the authorization request, or was issued to another "
                        + "client.",
                }
            );
        }

        var access = "outreach-" + Guid.NewGuid().ToString("N");
        _refreshToken = "refresh-" + Guid.NewGuid().ToString("N");
        _tokens.Add(access);
        _unusedAccessToken = access;
        TokensIssued++;
        return FakeResponse.Json(
            200,
            new Dictionary<string, object>
            {
                ["access_token"] = access,
                ["token_type"] = "bearer",
                ["expires_in"] = 7200,
                ["refresh_token"] = _refreshToken,
                ["scope"] = "prospects.all sequenceStates.all mailings.read users.read",
                ["created_at"] = Time.GetUtcNow().ToUnixTimeSeconds(),
            }
        );
    }

    private static long Long(string id) =>
        long.TryParse(id, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)
            ? n
            : Math.Abs((long)id.GetHashCode(StringComparison.Ordinal));
}

internal sealed record FakeProspect(
    long Id,
    List<string> Emails,
    string FirstName,
    string LastName,
    string Title,
    string Company,
    long? OwnerId
);

internal sealed record FakeUser(long Id, string Email, string Name);

internal sealed record FakeState(
    long Id,
    long ProspectId,
    long SequenceId,
    long MailboxId,
    string State,
    DateTimeOffset StateChangedAt,
    int ReplyCount
)
{
    public string State { get; set; } = State;
    public DateTimeOffset StateChangedAt { get; set; } = StateChangedAt;
}

internal sealed record FakeMailing(
    long Id,
    long ProspectId,
    long SequenceId,
    long UserId,
    string CustomTrackingId,
    DateTimeOffset? ClickedAt
);
