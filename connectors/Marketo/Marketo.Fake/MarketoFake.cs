using System.Globalization;
using IntegrationHub.Sdk.Capabilities.Marketing;
using IntegrationHub.Sdk.FakeKit;
using IntegrationHub.Sdk.Sandbox;

namespace IntegrationHub.Connectors.Marketo.Fake;

/// <summary>
/// A fake Marketo instance: the identity service (the same token again, with less life left,
/// until it expires), errors as HTTP 200 with success:false and quoted codes (601/602 tokens,
/// 604/608/611 trouble, 606 rate, 615 concurrency, 607 daily quota; an outage is 608), programs by
/// tag in shuffled order paged by offset, programs.json without tags, the Lead API (see
/// <see cref="MarketoLeads"/>), odd "Z+0000" timestamps, 414 for long URLs.
/// </summary>
public sealed class MarketoFake(TimeProvider? time = null) : VendorFake(time)
{
    public const string ClientId = "sandbox-marketo-client";
    public const string ClientSecret = "sandbox-marketo-secret";

    private readonly Lock _lock = new();
    private readonly Queue<DateTimeOffset> _recentCalls = new();
    private readonly List<MarketingProgram> _programs = [];
    private readonly Queue<MarketoTrouble> _trouble = new();
    private DateTime _quotaDay;
    private int _callsToday;
    private (string Token, DateTimeOffset ExpiresAt)? _token;
    private MarketoLeads? _leads;

    /// <summary>Calls allowed in any 20 s (Marketo: 100) before 606.</summary>
    public int CallsPer20Seconds { get; set; } = 100;

    /// <summary>Requests allowed in flight (Marketo: 10) before 615.</summary>
    public int MaxConcurrent { get; set; } = 10;

    /// <summary>While true every REST call answers 607.</summary>
    public bool DailyQuotaReached { get; set; }

    /// <summary>
    /// REST calls allowed per day before 607; the day starts at midnight Central Standard Time (UTC-6), when Marketo
    /// resets it.
    /// </summary>
    public int DailyQuota { get; set; } = int.MaxValue;

    public int TokensIssued { get; private set; }

    /// <summary>Ends the current token's life: the next REST call answers 602.</summary>
    public void ExpireToken()
    {
        lock (_lock)
        {
            if (_token is { } t)
            {
                _token = (t.Token, DateTimeOffset.MinValue);
            }
        }
    }

    private MarketoLeads Leads => _leads ??= new MarketoLeads(Time);

    public void Seed(IEnumerable<MarketingProgram> programs, IEnumerable<PersonEngagement> leads)
    {
        lock (_lock)
        {
            _programs.AddRange(programs);
            foreach (var lead in leads)
            {
                Leads.Add(lead);
            }
        }
    }

    /// <summary>
    /// Sets a lead field on the leads with this email; a field the instance does not have yet becomes one of its
    /// custom fields, as an admin would add it.
    /// </summary>
    public void SetLeadField(string email, string field, object? value)
    {
        lock (_lock)
        {
            Leads.Set(email, field, value);
        }
    }

    /// <summary>The next <paramref name="count"/> REST calls fail with this code, as Marketo sends it.</summary>
    public void Trouble(MarketoTrouble trouble, int count = 1)
    {
        lock (_lock)
        {
            for (var i = 0; i < count; i++)
            {
                _trouble.Enqueue(trouble);
            }
        }
    }

    protected override Task<FakeResponse> HandleVendorAsync(FakeRequest request)
    {
        if (request.Path.Length + request.Query.Sum(q => q.Key.Length + q.Value.Length + 2) > 8 * 1024)
        {
            return Task.FromResult(new FakeResponse(414, "URI Too Long", ContentType: "text/plain"));
        }

        lock (_lock)
        {
            if (request.Is("GET", "/identity/oauth/token") || request.Is("POST", "/identity/oauth/token"))
            {
                return Task.FromResult(Identity(request));
            }

            if (!request.Path.StartsWith("/rest/", StringComparison.Ordinal))
            {
                return Task.FromResult(Failure("610", "Requested resource not found"));
            }

            var auth = request.Header("Authorization") ?? "";
            if (_token is not { } token || auth != "Bearer " + token.Token)
            {
                return Task.FromResult(Failure("601", "Access token invalid"));
            }

            if (token.ExpiresAt <= Time.GetUtcNow())
            {
                return Task.FromResult(Failure("602", "Access token expired"));
            }

            if (InFlight > MaxConcurrent)
            {
                return Task.FromResult(Failure("615", "Concurrent access limit reached"));
            }

            var now = Time.GetUtcNow();
            var day = now.ToOffset(TimeSpan.FromHours(-6)).Date;
            if (day != _quotaDay)
            {
                (_quotaDay, _callsToday) = (day, 0);
            }

            if (DailyQuotaReached || _callsToday >= DailyQuota)
            {
                return Task.FromResult(Failure("607", "Daily quota reached"));
            }

            while (_recentCalls.Count > 0 && _recentCalls.Peek() < now.AddSeconds(-20))
            {
                _recentCalls.Dequeue();
            }

            if (_recentCalls.Count >= CallsPer20Seconds)
            {
                var oldest = _recentCalls.Count > 0 ? _recentCalls.Peek() : now;
                return Task.FromResult(Throttled(oldest.AddSeconds(20) - now));
            }

            _recentCalls.Enqueue(now);
            _callsToday++;
            return Task.FromResult(_trouble.TryDequeue(out var trouble) ? Failure(trouble) : Rest(request));
        }
    }

    /// <summary>
    /// Marketo's API says it is down the way it says everything: HTTP 200, success:false, 608 "API Temporarily
    /// Unavailable", from the identity service too.
    /// </summary>
    protected override FakeResponse Outage() => Failure(MarketoTrouble.TemporarilyUnavailable);

    /// <summary>
    /// Marketo throttles with 606 inside an HTTP 200 and no retry signal at all: no Retry-After, no rate headers, so
    /// <paramref name="retryAfter"/> reaches the caller only as its own back-off.
    /// </summary>
    protected override FakeResponse Throttled(TimeSpan retryAfter) =>
        Failure("606", $"Max rate limit '{CallsPer20Seconds}' exceeded with in '20' secs");

    /// <summary>Marketo's daily quota: 607 inside an HTTP 200, until midnight Central time.</summary>
    protected override FakeResponse QuotaSpent(FakeRequest request) => Failure("607", "Daily quota reached");

    /// <summary>
    /// The identity service refuses the client id and secret with an HTTP 401; the REST API a token it does not
    /// know with 601 inside an HTTP 200.
    /// </summary>
    protected override FakeResponse CredentialsRefused(FakeRequest request) =>
        request.Path.StartsWith("/identity/", StringComparison.Ordinal)
            ? FakeResponse.Json(401, new { error = "unauthorized", error_description = "Bad client credentials" })
            : Failure("601", "Access token invalid");

    /// <summary>Marketo refuses a bad parameter with 1003 inside an HTTP 200.</summary>
    protected override FakeResponse RequestRefused(FakeRequest request) =>
        Failure("1003", "Invalid value for parameter 'filterValues'");

    private static FakeResponse Failure(MarketoTrouble trouble) =>
        trouble switch
        {
            MarketoTrouble.Timeout => Failure("604", "Request timed out"),
            MarketoTrouble.TemporarilyUnavailable => Failure("608", "API Temporarily Unavailable"),
            _ => Failure("611", "System error"),
        };

    private FakeResponse Identity(FakeRequest request)
    {
        if (request.QueryValue("client_id") != ClientId || request.QueryValue("client_secret") != ClientSecret)
        {
            return FakeResponse.Json(401, new { error = "unauthorized", error_description = "Bad client credentials" });
        }

        var now = Time.GetUtcNow();
        if (_token is not { } token || token.ExpiresAt <= now)
        {
            token = ($"{Guid.NewGuid()}:int", now.AddSeconds(3600));
            _token = token;
            TokensIssued++;
        }

        return FakeResponse.Json(
            200,
            new Dictionary<string, object>
            {
                ["access_token"] = token.Token,
                ["token_type"] = "bearer",
                ["expires_in"] = (int)(token.ExpiresAt - now).TotalSeconds,
                ["scope"] = "apis@hub.demo",
            }
        );
    }

    private FakeResponse Rest(FakeRequest request) =>
        request.Path switch
        {
            "/rest/asset/v1/program/byTag.json" => ByTag(request),
            "/rest/asset/v1/programs.json" => Page(
                _programs.Select(p => Program(p, withTags: false)).ToList(),
                request,
                shuffle: false
            ),
            "/rest/v1/leads.json" when request.QueryValue("_method") == "GET" => Leads.Get(WithFormQuery(request)),
            "/rest/v1/leads.json" when request.Method == "POST" => Leads.Upsert(request),
            "/rest/v1/leads.json" => Leads.Get(request),
            _ => Failure("610", "Requested resource not found"),
        };

    /// <summary>A POST with _method=GET carries its query in a form body: Marketo's way round the 8 KB limit.</summary>
    private static FakeRequest WithFormQuery(FakeRequest request) =>
        request with
        {
            Query = request
                .Body.Split('&', StringSplitOptions.RemoveEmptyEntries)
                .Select(p => p.Split('=', 2))
                .Select(p =>
                    (
                        Key: Uri.UnescapeDataString(p[0].Replace('+', ' ')),
                        Value: p.Length > 1 ? Uri.UnescapeDataString(p[1].Replace('+', ' ')) : ""
                    )
                )
                .Concat(request.Query.Select(q => (q.Key, q.Value)))
                .GroupBy(q => q.Key, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => g.First().Value, StringComparer.Ordinal),
        };

    private FakeResponse ByTag(FakeRequest request)
    {
        var type = request.QueryValue("tagType");
        var value = request.QueryValue("tagValue");
        if (string.IsNullOrEmpty(type) || string.IsNullOrEmpty(value))
        {
            return Failure("701", $"{(string.IsNullOrEmpty(type) ? "tagType" : "tagValue")} cannot be blank");
        }

        var tagged = _programs
            .Where(p => p.Tags.Any(t => t.TagType == type && t.TagValue == value))
            .OrderBy(p => p.Id, StringComparer.Ordinal)
            .Select(p => Program(p, withTags: true))
            .ToList();
        return Page(tagged, request, shuffle: true);
    }

    private static FakeResponse Page(List<Dictionary<string, object?>> all, FakeRequest request, bool shuffle)
    {
        var max = Math.Clamp(int.TryParse(request.QueryValue("maxReturn"), out var m) ? m : 20, 1, 200);
        var offset = int.TryParse(request.QueryValue("offset"), out var o) ? o : 0;
        var page = all.Skip(offset).Take(max).ToList();
        if (shuffle)
        {
            // Marketo returns tagged programs in no particular order.
            page = [.. page.OrderBy(_ => Random.Shared.Next())];
        }

        return page.Count == 0
            ? FakeResponse.Json(
                200,
                new
                {
                    requestId = RequestId(),
                    success = true,
                    warnings = new[] { "No assets found for the given search criteria." },
                    errors = Array.Empty<object>(),
                }
            )
            : FakeResponse.Json(
                200,
                new
                {
                    requestId = RequestId(),
                    success = true,
                    warnings = Array.Empty<string>(),
                    errors = Array.Empty<object>(),
                    result = page,
                }
            );
    }

    private static Dictionary<string, object?> Program(MarketingProgram p, bool withTags)
    {
        var program = new Dictionary<string, object?>
        {
            ["id"] = int.TryParse(p.Id, out var id) ? id : 0,
            ["name"] = p.Name,
            ["description"] = "",
            ["createdAt"] = Stamp(p.UpdatedAt?.AddDays(-30)),
            ["updatedAt"] = Stamp(p.UpdatedAt),
            ["url"] = p.Url,
            ["type"] = p.Type,
            ["channel"] = p.Channel,
            ["folder"] = new
            {
                type = "Folder",
                value = 38,
                folderName = "Programs",
            },
            ["status"] = "",
            ["workspace"] = "Default",
            ["costs"] = null,
            ["headStart"] = false,
        };
        if (withTags)
        {
            program["tags"] = p.Tags.Select(t => new { tagType = t.TagType, tagValue = t.TagValue }).ToList();
        }

        return program;
    }

    private static string? Stamp(DateTimeOffset? value) => MarketoAnswers.Stamp(value);

    private static FakeResponse Failure(string code, string message) => MarketoAnswers.Failure(code, message);

    private static string RequestId() => MarketoAnswers.RequestId();
}
