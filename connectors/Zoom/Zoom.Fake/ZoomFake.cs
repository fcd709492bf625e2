using System.Globalization;
using System.Text;
using IntegrationHub.Sdk.FakeKit;

namespace IntegrationHub.Connectors.Zoom.Fake;

/// <summary>
/// A fake Zoom account: Server-to-Server OAuth (Basic auth, one-hour bearer tokens, no refresh
/// token; grant parameters in the query or a form body), meetings per user (created, listed as
/// upcoming with next_page_token paging, updated, deleted),
/// 64-bit meeting ids, {code, message} errors (124 token, 1001 user, 3001 meeting, 300
/// validation), a per-second limit (429, X-RateLimit-Type: QPS) and a per-user daily create
/// limit (429 with Retry-After as an ISO timestamp), with a switch to drop the rate headers.
/// </summary>
public sealed partial class ZoomFake(TimeProvider? time = null) : VendorFake(time)
{
    public const string AccountId = "sandbox-zoom-account";
    public const string ClientId = "sandbox-zoom-client";
    public const string ClientSecret = "sandbox-zoom-secret";

    private readonly Lock _lock = new();
    private readonly HashSet<string> _tokens = [];
    private readonly Dictionary<string, List<FakeMeeting>> _meetings = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, int> _createsToday = new(StringComparer.OrdinalIgnoreCase);
    private readonly Queue<DateTimeOffset> _recent = new();
    private readonly Queue<DateTimeOffset> _recentLight = new();
    private long _nextId = 92_674_392_836;

    /// <summary>Requests per second before a QPS 429.</summary>
    public int RequestsPerSecond { get; set; } = 1000;

    /// <summary>Requests per second to Light endpoints (calendar reads) before a QPS 429.</summary>
    public int LightRequestsPerSecond { get; set; } = 1000;

    /// <summary>Meeting creates per user per day (Zoom: 100).</summary>
    public int DailyCreatesPerUser { get; set; } = 100;

    /// <summary>Whether 429s carry X-RateLimit-* and Retry-After (real answers sometimes lack them).</summary>
    public bool SendRateLimitHeaders { get; set; } = true;

    /// <summary>Meetings per list page.</summary>
    public int PageSize { get; set; } = 300;

    public int TokensIssued { get; private set; }

    public void ExpireTokens()
    {
        lock (_lock)
        {
            _tokens.Clear();
        }
    }

    public void AddUser(string userId)
    {
        lock (_lock)
        {
            _meetings.TryAdd(userId, []);
        }
    }

    public void AddMeeting(string userId, string topic, DateTimeOffset start, int durationMinutes, string agenda = "")
    {
        lock (_lock)
        {
            AddUser(userId);
            _meetings[userId].Add(new FakeMeeting(++_nextId, topic, start, durationMinutes, "UTC", agenda));
        }
    }

    public IReadOnlyList<(long Id, string Topic, DateTimeOffset Start, string Agenda)> Meetings(string userId)
    {
        lock (_lock)
        {
            return _meetings.TryGetValue(userId, out var list)
                ? [.. list.Select(m => (m.Id, m.Topic, m.Start, m.Agenda))]
                : [];
        }
    }

    protected override Task<FakeResponse> HandleVendorAsync(FakeRequest request)
    {
        lock (_lock)
        {
            if (request.Is("POST", "/oauth/token"))
            {
                return Task.FromResult(Token(request));
            }

            var auth = request.Header("Authorization") ?? "";
            if (!auth.StartsWith("Bearer ", StringComparison.Ordinal) || !_tokens.Contains(auth[7..]))
            {
                return Task.FromResult(FakeResponse.Json(401, new { code = 124, message = "Invalid access token." }));
            }

            var now = Time.GetUtcNow();
            var parts = request.Path.Trim('/').Split('/');
            // Zoom limits each rate-limit category apart: calendar reads are Light, the meeting calls Medium.
            var (recent, limit) = parts is ["v2", "calendars", ..]
                ? (_recentLight, LightRequestsPerSecond)
                : (_recent, RequestsPerSecond);
            while (recent.Count > 0 && recent.Peek() < now.AddSeconds(-1))
            {
                recent.Dequeue();
            }

            if (recent.Count >= limit)
            {
                var oldest = recent.Count > 0 ? recent.Peek() : now;
                return Task.FromResult(Throttled(oldest.AddSeconds(1) - now));
            }

            recent.Enqueue(now);
            return Task.FromResult(
                (request.Method.ToUpperInvariant(), parts) switch
                {
                    ("GET", ["v2", "users", var user, "meetings"]) => List(Uri.UnescapeDataString(user), request),
                    ("POST", ["v2", "users", var user, "meetings"]) => Create(Uri.UnescapeDataString(user), request),
                    ("PATCH", ["v2", "meetings", var id]) => Update(id, request),
                    ("DELETE", ["v2", "meetings", var id]) => Delete(id),
                    ("GET", ["v2", "calendars", var calendar, "events"]) => CalendarEvents(
                        Uri.UnescapeDataString(calendar),
                        request
                    ),
                    _ => FakeResponse.Json(404, new { code = 404, message = "Not found" }),
                }
            );
        }
    }

    /// <summary>Zoom's {code, message} with a 503, as its API gateway answers while Zoom is down.</summary>
    protected override FakeResponse Outage() =>
        FakeResponse.Json(503, new { code = 503, message = "Service Unavailable. Please try again later." });

    /// <summary>
    /// Zoom's per-second 429 ({code:429}), with its rate headers and, as in Zoom's documented example, Retry-After
    /// as an absolute ISO-8601 time (whole seconds, so rounded up); no headers at all while SendRateLimitHeaders is
    /// off, as some real answers come.
    /// </summary>
    protected override FakeResponse Throttled(TimeSpan retryAfter)
    {
        var qps = FakeResponse.Json(
            429,
            new
            {
                code = 429,
                message = "You have reached the maximum per-second rate limit for this API. Try again later.",
            }
        );
        var at = Time.GetUtcNow() + retryAfter;
        var whole = DateTimeOffset.FromUnixTimeSeconds(
            at.ToUnixTimeSeconds() + (at.ToUnixTimeMilliseconds() % 1000 == 0 ? 0 : 1)
        );
        return SendRateLimitHeaders
            ? qps.WithHeader("X-RateLimit-Category", "Medium")
                .WithHeader("X-RateLimit-Type", "QPS")
                .WithHeader("X-RateLimit-Limit", RequestsPerSecond.ToString(CultureInfo.InvariantCulture))
                .WithHeader("X-RateLimit-Remaining", "0")
                .WithHeader(
                    "Retry-After",
                    whole.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)
                )
            : qps;
    }

    private FakeResponse Token(FakeRequest request)
    {
        var expected = "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes($"{ClientId}:{ClientSecret}"));
        // Zoom takes the grant parameters in the query string or in a form body.
        var form = (request.Header("Content-Type") ?? "").StartsWith(
            "application/x-www-form-urlencoded",
            StringComparison.OrdinalIgnoreCase
        )
            ? Form(request.Body)
            : new Dictionary<string, string>(StringComparer.Ordinal);
        string? Param(string name) => request.QueryValue(name) ?? form.GetValueOrDefault(name);
        if (
            Param("grant_type") != "account_credentials"
            || Param("account_id") != AccountId
            || request.Header("Authorization") != expected
        )
        {
            return FakeResponse.Json(
                400,
                new { reason = "Invalid client_id or client_secret", error = "invalid_client" }
            );
        }

        var token = "eyJzoom." + Guid.NewGuid().ToString("N");
        _tokens.Add(token);
        TokensIssued++;
        return FakeResponse.Json(
            200,
            new
            {
                access_token = token,
                token_type = "bearer",
                expires_in = 3600,
                scope = "meeting:write:meeting meeting:read:list_meetings",
                api_url = "https://api.zoom.us",
            }
        );
    }

    private FakeResponse List(string user, FakeRequest request)
    {
        if (!_meetings.TryGetValue(user, out var meetings))
        {
            return FakeResponse.Json(404, new { code = 1001, message = $"User does not exist: {user}." });
        }

        var upcoming = meetings
            .Where(m => m.Start + TimeSpan.FromMinutes(m.Duration) > Time.GetUtcNow())
            .OrderBy(m => m.Start)
            .ToList();
        var offset = int.TryParse(
            request.QueryValue("next_page_token"),
            NumberStyles.Integer,
            CultureInfo.InvariantCulture,
            out var o
        )
            ? o
            : 0;
        var size = Math.Min(PageSize, int.TryParse(request.QueryValue("page_size"), out var s) ? s : 30);
        var page = upcoming.Skip(offset).Take(size).ToList();
        var next =
            offset + page.Count < upcoming.Count ? (offset + page.Count).ToString(CultureInfo.InvariantCulture) : "";
        return FakeResponse.Json(
            200,
            new
            {
                page_size = size,
                total_records = upcoming.Count,
                next_page_token = next,
                meetings = page.Select(m => Render(m, user)).ToList(),
            }
        );
    }

    private FakeResponse Create(string user, FakeRequest request)
    {
        if (!_meetings.TryGetValue(user, out var meetings))
        {
            return FakeResponse.Json(404, new { code = 1001, message = $"User does not exist: {user}." });
        }

        var body = request.Json();
        var duration = body?["duration"]?.GetValue<int>() ?? 0;
        var startText = body?["start_time"]?.GetValue<string>();
        if (
            duration is < 1 or > 1440
            || !DateTimeOffset.TryParse(
                startText,
                CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal,
                out var start
            )
        )
        {
            return FakeResponse.Json(
                400,
                new
                {
                    code = 300,
                    message = "Validation Failed.",
                    errors = new[]
                    {
                        new
                        {
                            field = duration is < 1 or > 1440 ? "duration" : "start_time",
                            message = "Invalid value.",
                        },
                    },
                }
            );
        }

        var created = _createsToday.GetValueOrDefault(user);
        if (created >= DailyCreatesPerUser)
        {
            return DailyLimited();
        }

        _createsToday[user] = created + 1;
        var meeting = new FakeMeeting(
            ++_nextId,
            body?["topic"]?.GetValue<string>() ?? "",
            start,
            duration,
            body?["timezone"]?.GetValue<string>() ?? "UTC",
            body?["agenda"]?.GetValue<string>() ?? ""
        );
        meetings.Add(meeting);
        return FakeResponse.Json(201, Render(meeting, user));
    }

    /// <summary>Zoom's daily limit spent: its daily-limit 429, resuming at 00:00 GMT.</summary>
    protected override FakeResponse QuotaSpent(FakeRequest request) => DailyLimited();

    /// <summary>
    /// The token endpoint refuses the app's id and secret with OAuth's 400 invalid_client; the API a token it does
    /// not know with 401 code 124.
    /// </summary>
    protected override FakeResponse CredentialsRefused(FakeRequest request) =>
        request.Is("POST", "/oauth/token")
            ? FakeResponse.Json(400, new { reason = "Invalid client_id or client_secret", error = "invalid_client" })
            : FakeResponse.Json(401, new { code = 124, message = "Invalid access token." });

    /// <summary>Zoom's 400 with code 300 for a parameter it does not take.</summary>
    protected override FakeResponse RequestRefused(FakeRequest request) =>
        FakeResponse.Json(400, new { code = 300, message = "Invalid parameter: page_size." });

    /// <summary>The per-user daily limit on meeting creates and updates (Zoom: 100), reset at 00:00 GMT.</summary>
    private FakeResponse DailyLimited()
    {
        var reset = Time.GetUtcNow().Date.AddDays(1).ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);
        var daily = FakeResponse.Json(
            429,
            new
            {
                code = 429,
                message = $"You have exceeded the daily rate limit ({DailyCreatesPerUser}) of Meeting "
                    + $"Create/Update API requests permitted for this particular user. You may resume these "
                    + $"requests at GMT 00:00:00.",
            }
        );
        return SendRateLimitHeaders
            ? daily
                .WithHeader("X-RateLimit-Category", "Medium")
                .WithHeader("X-RateLimit-Type", "Daily-limit")
                .WithHeader("X-RateLimit-Limit", DailyCreatesPerUser.ToString(CultureInfo.InvariantCulture))
                .WithHeader("X-RateLimit-Remaining", "0")
                .WithHeader("Retry-After", reset)
            : daily;
    }

    private static Dictionary<string, string> Form(string body) =>
        body.Split('&', StringSplitOptions.RemoveEmptyEntries)
            .Select(p => p.Split('=', 2))
            .GroupBy(p => Uri.UnescapeDataString(p[0].Replace('+', ' ')), StringComparer.Ordinal)
            .ToDictionary(
                g => g.Key,
                g => g.First() is { Length: > 1 } p ? Uri.UnescapeDataString(p[1].Replace('+', ' ')) : "",
                StringComparer.Ordinal
            );

    private FakeResponse Delete(string id)
    {
        foreach (var list in _meetings.Values)
        {
            if (list.RemoveAll(m => m.Id.ToString(CultureInfo.InvariantCulture) == id) > 0)
            {
                return FakeResponse.Empty(204);
            }
        }

        return FakeResponse.Json(404, new { code = 3001, message = $"Meeting {id} is not found or has expired." });
    }

    private Dictionary<string, object?> Render(FakeMeeting m, string user) =>
        new()
        {
            ["uuid"] = Convert.ToBase64String(Guid.NewGuid().ToByteArray()),
            ["id"] = m.Id,
            ["host_id"] = "AbcDefGHi",
            ["host_email"] = user,
            ["topic"] = m.Topic,
            ["type"] = 2,
            ["status"] = "waiting",
            ["start_time"] = m.Start.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["duration"] = m.Duration,
            ["timezone"] = m.TimeZone,
            ["agenda"] = m.Agenda,
            ["created_at"] = Time.GetUtcNow().ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["start_url"] = $"https://us05web.zoom.us/s/{m.Id}?zak=eyJ{Guid.NewGuid():N}",
            ["join_url"] = $"https://us05web.zoom.us/j/{m.Id}?pwd={m.Password}",
            ["password"] = m.Passcode,
            ["encrypted_password"] = m.Password,
            ["settings"] = new { join_before_host = false, waiting_room = true },
            ["pre_schedule"] = false,
        };

    private sealed record FakeMeeting(
        long Id,
        string Topic,
        DateTimeOffset Start,
        int Duration,
        string TimeZone,
        string Agenda
    )
    {
        public string Password { get; } = Guid.NewGuid().ToString("N")[..24];

        public string Passcode { get; } = Random.Shared.Next(100_000, 999_999).ToString(CultureInfo.InvariantCulture);
    }
}
