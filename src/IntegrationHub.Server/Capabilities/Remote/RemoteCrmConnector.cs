using Grpc.Core;
using IntegrationHub.Contracts.Crm.V1;
using IntegrationHub.Sdk.Capabilities.Crm;
using IntegrationHub.Server.Capabilities.Crm;
using Domain = IntegrationHub.Sdk.Capabilities.Crm;

namespace IntegrationHub.Server.Capabilities.Remote;

/// <summary>The CRM served by a remote process speaking the CRM contract.</summary>
public sealed class RemoteCrmConnector(RemoteEndpoint remote) : ICrmConnector
{
    private readonly CrmService.CrmServiceClient _client = new(remote.Invoker);

    public Task<Domain.Account?> GetAccountByIdAsync(string accountId, CancellationToken cancellationToken) =>
        remote.OrNull(
            async options =>
                (
                    await _client.GetAccountAsync(new GetAccountRequest { AccountId = accountId }, options)
                ).Account.ToDomain(),
            cancellationToken
        );

    public Task<Domain.Account?> GetAccountByDomainAsync(string domain, CancellationToken cancellationToken) =>
        remote.OrNull(
            async options =>
                (await _client.GetAccountAsync(new GetAccountRequest { Domain = domain }, options)).Account.ToDomain(),
            cancellationToken
        );

    public Task<IReadOnlyList<Domain.Account>> FindAccountsByNameAsync(
        string companyName,
        CancellationToken cancellationToken
    ) =>
        remote.Call<IReadOnlyList<Domain.Account>>(
            async options =>
                [
                    .. (
                        await _client.FindAccountsAsync(new FindAccountsRequest { CompanyName = companyName }, options)
                    ).Accounts.Select(a => a.ToDomain()),
                ],
            cancellationToken
        );

    public Task<IReadOnlyList<Domain.Account>> ListAccountHierarchyAsync(
        string ultimateParentId,
        CancellationToken cancellationToken
    ) =>
        remote.Call<IReadOnlyList<Domain.Account>>(
            async options =>
                [
                    .. (
                        await _client.ListAccountHierarchyAsync(
                            new ListAccountHierarchyRequest { UltimateParentId = ultimateParentId },
                            options
                        )
                    ).Accounts.Select(a => a.ToDomain()),
                ],
            cancellationToken
        );

    public Task<IReadOnlyList<Domain.Person>> FindPeopleAsync(PeopleQuery query, CancellationToken cancellationToken)
    {
        var request = new FindPeopleRequest { Kind = (Contracts.Crm.V1.PersonKind)(int)query.Kind };
        if (query.Email is { } email)
        {
            request.Email = email;
        }
        else if (query.AccountId is { } account)
        {
            request.AccountId = account;
        }
        else
        {
            request.CompanyName = query.CompanyName ?? "";
        }

        return remote.Call<IReadOnlyList<Domain.Person>>(
            async options => [.. (await _client.FindPeopleAsync(request, options)).People.Select(p => p.ToDomain())],
            cancellationToken
        );
    }

    public Task<LeadUpsertResult> UpsertLeadAsync(
        string externalId,
        LeadFields lead,
        CancellationToken cancellationToken
    ) =>
        remote.Call(
            async options =>
            {
                var response = await _client.UpsertLeadAsync(
                    new UpsertLeadRequest { ExternalId = externalId, Lead = lead.ToContract() },
                    options
                );
                return new LeadUpsertResult(response.Lead.ToDomain(), response.Created);
            },
            cancellationToken
        );

    public Task<Domain.Person> ChangeOwnerAsync(
        string personId,
        string ownerUserId,
        CancellationToken cancellationToken
    ) =>
        remote.Call(
            async options =>
                (
                    await _client.ChangeOwnerAsync(
                        new ChangeOwnerRequest { PersonId = personId, OwnerUserId = ownerUserId },
                        options
                    )
                ).Person.ToDomain(),
            cancellationToken
        );

    public Task<Domain.Person> ConvertLeadAsync(string leadId, string accountId, CancellationToken cancellationToken) =>
        remote.Call(
            async options =>
                (
                    await _client.ConvertLeadAsync(
                        new ConvertLeadRequest { LeadId = leadId, AccountId = accountId },
                        options
                    )
                ).Contact.ToDomain(),
            cancellationToken
        );

    public Task<Domain.Activity> LogActivityAsync(Domain.Activity activity, CancellationToken cancellationToken) =>
        remote.Call(
            async options =>
                (
                    await _client.LogActivityAsync(new LogActivityRequest { Activity = activity.ToContract() }, options)
                ).Activity.ToDomain(),
            cancellationToken
        );

    public Task<IReadOnlyList<Domain.Activity>> ListActivitiesAsync(
        string subjectId,
        DateTimeOffset? since,
        CancellationToken cancellationToken
    ) =>
        remote.Call<IReadOnlyList<Domain.Activity>>(
            async options =>
                [
                    .. (
                        await _client.ListActivitiesAsync(
                            new ListActivitiesRequest { SubjectId = subjectId, SinceTime = since.ToTimestamp() },
                            options
                        )
                    ).Activities.Select(a => a.ToDomain()),
                ],
            cancellationToken
        );

    public Task<CrmUser?> GetUserAsync(string userId, CancellationToken cancellationToken) =>
        remote.OrNull(
            async options =>
                (await _client.GetUserAsync(new GetUserRequest { UserId = userId }, options)).User.ToDomain(),
            cancellationToken
        );
}
