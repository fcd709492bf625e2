using System.Globalization;
using IntegrationHub.Sdk.Capabilities.Marketing;
using IntegrationHub.Sdk.FakeKit;
using IntegrationHub.Sdk.Sandbox;

namespace IntegrationHub.Connectors.Marketo.Fake;

/// <summary>
/// A fake Marketo instance: the identity service (the same token again, with less life left,
/// until it expires), errors as HTTP 200 with success:false and quoted codes (601/602 tokens,
/// 606 rate, 615 concurrency, 607 daily quota), programs by tag in shuffled order paged by
/// offset, programs.json without tags, leads by email, odd "Z+0000" timestamps, 414 for long URLs.
/// </summary>
public sealed class MarketoFake(TimeProvider? time = null) : VendorFake(time)
{
    public const string ClientId = "sandbox-marketo-client";
    public const string ClientSecret = "sandbox-marketo-secret";

    private readonly Lock _lock = new();
    private readonly Queue<DateTimeOffset> _recentCalls = new();
    private readonly List<MarketingProgram> _programs = [];
    private readonly List<PersonEngagement> _leads = [];
    private (string Token, DateTimeOffset ExpiresAt)? _token;

    /// <summary>Calls allowed in any 20 s (Marketo: 100) before 606.</summary>
    public int CallsPer20Seconds { get; set; } = 100;

    /// <summary>Requests allowed in flight (Marketo: 10) before 615.</summary>
    public int MaxConcurrent { get; set; } = 10;

    /// <summary>While true every REST call answers 607.</summary>
    public bool DailyQuotaReached { get; set; }

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

    public void Seed(IEnumerable<MarketingProgram> programs, IEnumerable<PersonEngagement> leads)
    {
        lock (_lock)
        {
            _programs.AddRange(programs);
            _leads.AddRange(leads);
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

            if (DailyQuotaReached)
            {
                return Task.FromResult(Failure("607", "Daily quota reached"));
            }

            var now = Time.GetUtcNow();
            while (_recentCalls.Count > 0 && _recentCalls.Peek() < now.AddSeconds(-20))
            {
                _recentCalls.Dequeue();
            }

            if (_recentCalls.Count >= CallsPer20Seconds)
            {
                return Task.FromResult(
                    Failure("606", $"Max rate limit '{CallsPer20Seconds}' exceeded with in '20' secs")
                );
            }

            _recentCalls.Enqueue(now);
            return Task.FromResult(Rest(request));
        }
    }

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
            "/rest/v1/leads.json" => Leads(request),
            _ => Failure("610", "Requested resource not found"),
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

    private FakeResponse Leads(FakeRequest request)
    {
        if (request.QueryValue("filterType") != "email")
        {
            return Failure("1006", "Field 'filterType' not found");
        }

        var emails = (request.QueryValue("filterValues") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries);
        var rows = _leads
            .Where(l => emails.Contains(l.Email, StringComparer.OrdinalIgnoreCase))
            .Select(l => new Dictionary<string, object?>
            {
                ["id"] = int.TryParse(l.LeadId, out var id) ? id : 0,
                ["email"] = l.Email,
                ["leadScore"] = l.LeadScore,
                ["lastInterestingMomentDesc"] = l.LastInterestingMoment,
                ["lastInterestingMomentDate"] = Stamp(l.LastInterestingMomentAt),
                ["updatedAt"] = Stamp(Time.GetUtcNow()),
                ["createdAt"] = Stamp(Time.GetUtcNow().AddDays(-100)),
            })
            .ToList();
        return FakeResponse.Json(
            200,
            new
            {
                requestId = RequestId(),
                success = true,
                result = rows,
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

    /// <summary>Marketo's odd timestamp format: "2015-05-21T22:45:13Z+0000".</summary>
    private static string? Stamp(DateTimeOffset? value) =>
        value?.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z+0000'", CultureInfo.InvariantCulture);

    private static FakeResponse Failure(string code, string message) =>
        FakeResponse.Json(
            200,
            new
            {
                requestId = RequestId(),
                success = false,
                errors = new[] { new { code, message } },
            }
        );

    private static string RequestId() => $"{Random.Shared.Next(0x1000, 0xffff):x}#{Random.Shared.NextInt64():x}";
}
