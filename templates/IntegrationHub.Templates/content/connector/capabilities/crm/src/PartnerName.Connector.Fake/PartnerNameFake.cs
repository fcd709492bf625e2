using System.Globalization;
using IntegrationHub.Sdk.Capabilities.Crm;
using IntegrationHub.Sdk.FakeKit;

namespace PartnerName.Connector.Fake;

/// <summary>
/// A fake of the PartnerName CRM API. Records are the SDK's as JSON; lists answer <c>{"records": [...]}</c>.
/// <list type="bullet">
/// <item><c>GET /v1/accounts/{id}</c>; <c>GET /v1/accounts?domain=|name=|ultimateParentId=</c></item>
/// <item><c>GET /v1/people?email=&amp;accountId=&amp;company=&amp;kind=</c></item>
/// <item><c>PUT /v1/leads/{externalId}</c>: 201 a new lead, 200 the updated one</item>
/// <item><c>PUT /v1/people/{id}/owner</c>, <c>POST /v1/leads/{id}/conversion</c></item>
/// <item><c>POST /v1/activities</c>, <c>GET /v1/activities?subjectId=&amp;since=</c></item>
/// <item><c>GET /v1/users/{id}</c></item>
/// </list>
/// </summary>
public sealed class PartnerNameFake(TimeProvider? time = null) : PartnerNameApi(time)
{
    private readonly Lock _gate = new();
    private List<CrmUser> _users = [];
    private List<Account> _accounts = [];
    private List<Person> _people = [];
    private readonly List<Activity> _activities = [];
    private int _nextId = 1000;

    /// <summary>What the fake was last seeded with.</summary>
    public PartnerNameSandboxSeed Seeded { get; private set; } = new([], [], []);

    /// <summary>Replaces the users, accounts and people the fake holds.</summary>
    public void Seed(PartnerNameSandboxSeed world)
    {
        lock (_gate)
        {
            (Seeded, _users, _accounts, _people) = (world, [.. world.Users], [.. world.Accounts], [.. world.People]);
        }
    }

    /// <summary>The sandbox hub's demo world, seeded at <paramref name="now"/>.</summary>
    public void SeedDemoWorld(DateTimeOffset now) => Seed(PartnerNameSandboxSeed.At(now));

    /// <inheritdoc />
    protected override FakeResponse Answer(FakeRequest request)
    {
        var path = request.Path.Trim('/').Split('/');
        lock (_gate)
        {
            return (request.Method.ToUpperInvariant(), path) switch
            {
                ("GET", ["v1", "accounts", var id]) => One(_accounts.Find(a => a.Id == id)),
                ("GET", ["v1", "accounts"]) => Records(_accounts.Where(a => Matches(a, request))),
                ("GET", ["v1", "people"]) => Records(_people.Where(p => Matches(p, request))),
                ("PUT", ["v1", "leads", var externalId]) => Upsert(Uri.UnescapeDataString(externalId), request),
                ("PUT", ["v1", "people", var id, "owner"]) => ChangeOwner(id, request),
                ("POST", ["v1", "leads", var id, "conversion"]) => Convert(id, request),
                ("POST", ["v1", "activities"]) => Log(request),
                ("GET", ["v1", "activities"]) => Records(_activities.Where(a => Matches(a, request))),
                ("GET", ["v1", "users", var id]) => One(_users.Find(u => u.Id == id)),
                _ => Error(404, "no_such_endpoint"),
            };
        }
    }

    private static FakeResponse One(object? record) => record is null ? Error(404, "not_found") : Json(200, record);

    private static FakeResponse Records<T>(IEnumerable<T> records) => Json(200, new { records = records.ToList() });

    private static bool Is(string? filter, string value) =>
        filter is null || string.Equals(filter, value, StringComparison.OrdinalIgnoreCase);

    private static bool Matches(Account account, FakeRequest request) =>
        Is(request.QueryValue("domain"), account.Domain)
        && Is(request.QueryValue("name"), account.Name)
        && Is(request.QueryValue("ultimateParentId"), account.UltimateParentId ?? "");

    private static bool Matches(Person person, FakeRequest request) =>
        Is(request.QueryValue("email"), person.Email)
        && Is(request.QueryValue("accountId"), person.AccountId ?? "")
        && Is(request.QueryValue("company"), person.Company)
        && Is(request.QueryValue("kind"), person.Kind.ToString());

    private static bool Matches(Activity activity, FakeRequest request) =>
        Is(request.QueryValue("subjectId"), activity.SubjectId)
        && (
            !DateTimeOffset.TryParse(request.QueryValue("since"), CultureInfo.InvariantCulture, out var since)
            || activity.OccurredAt >= since
        );

    private FakeResponse Upsert(string externalId, FakeRequest request)
    {
        if (Read<LeadFields>(request) is not { } lead)
        {
            return Error(400, "a lead needs email, lastName and company", "lead");
        }

        var index = _people.FindIndex(p => p.ExternalId == externalId);
        var existing = index >= 0 ? _people[index] : new Person { Id = $"P-{_nextId++}", ExternalId = externalId };
        var written = existing with
        {
            Kind = PersonKind.Lead,
            Email = lead.Email,
            FirstName = lead.FirstName,
            LastName = lead.LastName,
            Company = lead.Company,
            Title = lead.Title,
            Phone = lead.Phone,
            CountryCode = lead.CountryCode,
            Status = lead.Status,
            OwnerUserId = lead.OwnerUserId,
            LeadScore = lead.LeadScore,
            MqlAt = lead.MqlAt,
        };
        Put(index, written);
        return Json(index >= 0 ? 200 : 201, written);
    }

    private FakeResponse ChangeOwner(string personId, FakeRequest request)
    {
        var index = _people.FindIndex(p => p.Id == personId);
        if (index < 0)
        {
            return Error(404, "not_found");
        }

        if (Read<OwnerChange>(request)?.OwnerUserId is not { } owner || !_users.Exists(u => u.Id == owner))
        {
            return Error(422, "no such user", "ownerUserId");
        }

        return Json(200, Put(index, _people[index] with { OwnerUserId = owner }));
    }

    private FakeResponse Convert(string leadId, FakeRequest request)
    {
        var index = _people.FindIndex(p => p.Id == leadId && p.Kind == PersonKind.Lead);
        if (index < 0)
        {
            return Error(404, "not_found");
        }

        if (Read<Conversion>(request)?.AccountId is not { } account || !_accounts.Exists(a => a.Id == account))
        {
            return Error(422, "no such account", "accountId");
        }

        var contact = _people[index] with
        {
            Kind = PersonKind.Contact,
            Status = LeadStatus.Converted,
            AccountId = account,
        };
        return Json(200, Put(index, contact));
    }

    private FakeResponse Log(FakeRequest request)
    {
        if (Read<Activity>(request) is not { } activity || !_people.Exists(p => p.Id == activity.SubjectId))
        {
            return Error(422, "no such subject", "subjectId");
        }

        var logged = activity with { Id = $"T-{_nextId++}" };
        _activities.Add(logged);
        return Json(201, logged);
    }

    private Person Put(int index, Person person)
    {
        if (index >= 0)
        {
            _people[index] = person;
        }
        else
        {
            _people.Add(person);
        }

        return person;
    }

    private sealed record OwnerChange(string? OwnerUserId);

    private sealed record Conversion(string? AccountId);
}
