using System.Globalization;
using System.Net;
using IntegrationHub.Sdk.Capabilities.Crm;
using IntegrationHub.Sdk.Connectors;
using IntegrationHub.Sdk.Errors;
using Microsoft.Extensions.Options;

namespace PartnerName.Connector;

/// <summary>
/// Accounts, people, leads, owners and activities from the PartnerName CRM API. The vendor's records are the SDK's
/// records as JSON, so reading one is a deserialisation; a real vendor's shape needs a mapping of its own.
/// </summary>
[Connector(Name, typeof(PartnerNameOptions), Version = "0.1.0")]
public sealed class PartnerNameConnector(IHttpClientFactory clients, IOptions<PartnerNameOptions> options)
    : ICrmConnector
{
    /// <summary>The connector's name: its configuration section and the value of Capabilities:Crm:Connector.</summary>
    public const string Name = "PartnerName";

    private readonly PartnerNameApiClient _api = new(clients, options);

    /// <inheritdoc />
    public Task<Account?> GetAccountByIdAsync(string accountId, CancellationToken cancellationToken) =>
        GetOrNullAsync<Account>($"v1/accounts/{Escape(accountId)}", "account_id", cancellationToken);

    /// <inheritdoc />
    public async Task<Account?> GetAccountByDomainAsync(string domain, CancellationToken cancellationToken) =>
        (
            await ListAsync<Account>($"v1/accounts?domain={Escape(domain)}", "domain", cancellationToken)
        ).FirstOrDefault();

    /// <inheritdoc />
    public Task<IReadOnlyList<Account>> FindAccountsByNameAsync(
        string companyName,
        CancellationToken cancellationToken
    ) => ListAsync<Account>($"v1/accounts?name={Escape(companyName)}", "company_name", cancellationToken);

    /// <inheritdoc />
    public Task<IReadOnlyList<Account>> ListAccountHierarchyAsync(
        string ultimateParentId,
        CancellationToken cancellationToken
    ) =>
        ListAsync<Account>(
            $"v1/accounts?ultimateParentId={Escape(ultimateParentId)}",
            "ultimate_parent_id",
            cancellationToken
        );

    /// <inheritdoc />
    public Task<IReadOnlyList<Person>> FindPeopleAsync(PeopleQuery query, CancellationToken cancellationToken)
    {
        var filters = new[]
        {
            ("email", query.Email),
            ("accountId", query.AccountId),
            ("company", query.CompanyName),
            ("kind", query.Kind == PersonKind.Unspecified ? null : query.Kind.ToString()),
        }.Where(f => !string.IsNullOrEmpty(f.Item2));
        return ListAsync<Person>(
            "v1/people?" + string.Join('&', filters.Select(f => $"{f.Item1}={Escape(f.Item2!)}")),
            "query",
            cancellationToken
        );
    }

    /// <inheritdoc />
    public async Task<LeadUpsertResult> UpsertLeadAsync(
        string externalId,
        LeadFields lead,
        CancellationToken cancellationToken
    )
    {
        // Checked here, before the vendor is called, so the caller learns every missing field at once.
        var missing = new[]
        {
            ("lead.email", lead.Email),
            ("lead.last_name", lead.LastName),
            ("lead.company", lead.Company),
        }
            .Where(f => string.IsNullOrWhiteSpace(f.Item2))
            .Select(f => new FieldViolation(f.Item1, "is required"))
            .ToArray();
        if (missing.Length > 0)
        {
            throw ConnectorException.Invalid(missing);
        }

        // A PUT on the caller's external id: repeating it (a retry, a redelivered side effect) updates one lead.
        var (status, body) = await _api.SendAsync(
            HttpMethod.Put,
            $"v1/leads/{Escape(externalId)}",
            lead,
            "lead",
            cancellationToken,
            HttpStatusCode.OK,
            HttpStatusCode.Created
        );
        return new LeadUpsertResult(PartnerNameApiClient.Parse<Person>(body), status == HttpStatusCode.Created);
    }

    /// <inheritdoc />
    public async Task<Person> ChangeOwnerAsync(string personId, string ownerUserId, CancellationToken cancellationToken)
    {
        var (_, body) = await _api.SendAsync(
            HttpMethod.Put,
            $"v1/people/{Escape(personId)}/owner",
            new OwnerChange(ownerUserId),
            "owner_user_id",
            cancellationToken,
            HttpStatusCode.OK
        );
        return PartnerNameApiClient.Parse<Person>(body);
    }

    /// <inheritdoc />
    public async Task<Person> ConvertLeadAsync(string leadId, string accountId, CancellationToken cancellationToken)
    {
        var (_, body) = await _api.SendAsync(
            HttpMethod.Post,
            $"v1/leads/{Escape(leadId)}/conversion",
            new Conversion(accountId),
            "account_id",
            cancellationToken,
            HttpStatusCode.OK
        );
        return PartnerNameApiClient.Parse<Person>(body);
    }

    /// <inheritdoc />
    public async Task<Activity> LogActivityAsync(Activity activity, CancellationToken cancellationToken)
    {
        var (_, body) = await _api.SendAsync(
            HttpMethod.Post,
            "v1/activities",
            activity,
            "activity",
            cancellationToken,
            HttpStatusCode.Created
        );
        return PartnerNameApiClient.Parse<Activity>(body);
    }

    /// <inheritdoc />
    public Task<IReadOnlyList<Activity>> ListActivitiesAsync(
        string subjectId,
        DateTimeOffset? since,
        CancellationToken cancellationToken
    ) =>
        ListAsync<Activity>(
            $"v1/activities?subjectId={Escape(subjectId)}"
                + (since is { } s ? "&since=" + Escape(s.ToString("O", CultureInfo.InvariantCulture)) : ""),
            "subject_id",
            cancellationToken
        );

    /// <inheritdoc />
    public Task<CrmUser?> GetUserAsync(string userId, CancellationToken cancellationToken) =>
        GetOrNullAsync<CrmUser>($"v1/users/{Escape(userId)}", "user_id", cancellationToken);

    private async Task<T?> GetOrNullAsync<T>(string path, string field, CancellationToken cancellationToken)
        where T : class
    {
        var (status, body) = await _api.SendAsync(
            HttpMethod.Get,
            path,
            null,
            field,
            cancellationToken,
            HttpStatusCode.OK,
            HttpStatusCode.NotFound
        );
        return status == HttpStatusCode.OK ? PartnerNameApiClient.Parse<T>(body) : null;
    }

    private async Task<IReadOnlyList<T>> ListAsync<T>(string path, string field, CancellationToken cancellationToken)
    {
        var (_, body) = await _api.SendAsync(HttpMethod.Get, path, null, field, cancellationToken, HttpStatusCode.OK);
        return PartnerNameApiClient.Parse<Page<T>>(body).Records ?? throw PartnerNameApiClient.Unreadable();
    }

    private static string Escape(string value) => Uri.EscapeDataString(value);

    /// <summary>The vendor's list answer: <c>{"records": [...]}</c>.</summary>
    private sealed record Page<T>(IReadOnlyList<T>? Records);

    private sealed record OwnerChange(string OwnerUserId);

    private sealed record Conversion(string AccountId);
}
