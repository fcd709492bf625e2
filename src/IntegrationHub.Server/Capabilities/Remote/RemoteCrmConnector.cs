using Grpc.Core;
using IntegrationHub.Contracts.Crm.V1;
using IntegrationHub.Sdk.Capabilities.Crm;
using IntegrationHub.Server.Capabilities.Crm;
using static IntegrationHub.Server.Capabilities.Remote.RemoteErrorTranslation;
using Domain = IntegrationHub.Sdk.Capabilities.Crm;

namespace IntegrationHub.Server.Capabilities.Remote;

/// <summary>The CRM served by a remote process speaking the CRM contract.</summary>
public sealed class RemoteCrmConnector(CallInvoker invoker, string name) : ICrmConnector
{
    private readonly CrmService.CrmServiceClient _client = new(invoker);

    public Task<Domain.Account?> GetAccountByIdAsync(string accountId, CancellationToken cancellationToken) =>
        OrNull(
            name,
            async () =>
                (
                    await _client.GetAccountAsync(
                        new GetAccountRequest { AccountId = accountId },
                        cancellationToken: cancellationToken
                    )
                ).Account.ToDomain(),
            cancellationToken
        );

    public Task<Domain.Account?> GetAccountByDomainAsync(string domain, CancellationToken cancellationToken) =>
        OrNull(
            name,
            async () =>
                (
                    await _client.GetAccountAsync(
                        new GetAccountRequest { Domain = domain },
                        cancellationToken: cancellationToken
                    )
                ).Account.ToDomain(),
            cancellationToken
        );

    public Task<IReadOnlyList<Domain.Account>> FindAccountsByNameAsync(
        string companyName,
        CancellationToken cancellationToken
    ) =>
        Call<IReadOnlyList<Domain.Account>>(
            name,
            async () =>
                [
                    .. (
                        await _client.FindAccountsAsync(
                            new FindAccountsRequest { CompanyName = companyName },
                            cancellationToken: cancellationToken
                        )
                    ).Accounts.Select(a => a.ToDomain()),
                ],
            cancellationToken
        );

    public Task<IReadOnlyList<Domain.Account>> ListAccountHierarchyAsync(
        string ultimateParentId,
        CancellationToken cancellationToken
    ) =>
        Call<IReadOnlyList<Domain.Account>>(
            name,
            async () =>
                [
                    .. (
                        await _client.ListAccountHierarchyAsync(
                            new ListAccountHierarchyRequest { UltimateParentId = ultimateParentId },
                            cancellationToken: cancellationToken
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

        return Call<IReadOnlyList<Domain.Person>>(
            name,
            async () =>
                [
                    .. (await _client.FindPeopleAsync(request, cancellationToken: cancellationToken)).People.Select(p =>
                        p.ToDomain()
                    ),
                ],
            cancellationToken
        );
    }

    public Task<LeadUpsertResult> UpsertLeadAsync(
        string externalId,
        LeadFields lead,
        CancellationToken cancellationToken
    ) =>
        Call(
            name,
            async () =>
            {
                var response = await _client.UpsertLeadAsync(
                    new UpsertLeadRequest { ExternalId = externalId, Lead = lead.ToContract() },
                    cancellationToken: cancellationToken
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
        Call(
            name,
            async () =>
                (
                    await _client.ChangeOwnerAsync(
                        new ChangeOwnerRequest { PersonId = personId, OwnerUserId = ownerUserId },
                        cancellationToken: cancellationToken
                    )
                ).Person.ToDomain(),
            cancellationToken
        );

    public Task<Domain.Person> ConvertLeadAsync(string leadId, string accountId, CancellationToken cancellationToken) =>
        Call(
            name,
            async () =>
                (
                    await _client.ConvertLeadAsync(
                        new ConvertLeadRequest { LeadId = leadId, AccountId = accountId },
                        cancellationToken: cancellationToken
                    )
                ).Contact.ToDomain(),
            cancellationToken
        );

    public Task<Domain.Activity> LogActivityAsync(Domain.Activity activity, CancellationToken cancellationToken) =>
        Call(
            name,
            async () =>
                (
                    await _client.LogActivityAsync(
                        new LogActivityRequest { Activity = activity.ToContract() },
                        cancellationToken: cancellationToken
                    )
                ).Activity.ToDomain(),
            cancellationToken
        );

    public Task<IReadOnlyList<Domain.Activity>> ListActivitiesAsync(
        string subjectId,
        DateTimeOffset? since,
        CancellationToken cancellationToken
    ) =>
        Call<IReadOnlyList<Domain.Activity>>(
            name,
            async () =>
                [
                    .. (
                        await _client.ListActivitiesAsync(
                            new ListActivitiesRequest { SubjectId = subjectId, SinceTime = since.ToTimestamp() },
                            cancellationToken: cancellationToken
                        )
                    ).Activities.Select(a => a.ToDomain()),
                ],
            cancellationToken
        );

    public Task<CrmUser?> GetUserAsync(string userId, CancellationToken cancellationToken) =>
        OrNull(
            name,
            async () =>
                (
                    await _client.GetUserAsync(
                        new GetUserRequest { UserId = userId },
                        cancellationToken: cancellationToken
                    )
                ).User.ToDomain(),
            cancellationToken
        );
}
