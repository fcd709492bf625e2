using Grpc.Core;
using IntegrationHub.Contracts.Crm.V1;
using IntegrationHub.Hub.Errors;
using IntegrationHub.Sdk.Capabilities.Crm;
using IntegrationHub.Server.Errors;

namespace IntegrationHub.Server.Capabilities.Crm;

/// <summary>Serves the CRM contract from whichever connector is configured.</summary>
public sealed class CrmGrpcService(ICrmConnector connector) : CrmService.CrmServiceBase
{
    public override async Task<GetAccountResponse> GetAccount(GetAccountRequest request, ServerCallContext context)
    {
        var validator = new RequestValidator();
        Sdk.Capabilities.Crm.Account? account = null;
        switch (request.LookupCase)
        {
            case GetAccountRequest.LookupOneofCase.AccountId:
                var id = validator.Required("account_id", request.AccountId, 64);
                validator.ThrowIfInvalid();
                account = await connector.GetAccountByIdAsync(id, context.CancellationToken);
                break;
            case GetAccountRequest.LookupOneofCase.Domain:
                var domain = Domain(validator, "domain", request.Domain);
                validator.ThrowIfInvalid();
                account = await connector.GetAccountByDomainAsync(domain, context.CancellationToken);
                break;
            default:
                validator.Add("lookup", "set account_id or domain").ThrowIfInvalid();
                break;
        }

        return new GetAccountResponse
        {
            Account = (account ?? throw HubException.NotFound("No account matches.")).ToContract(),
        };
    }

    public override async Task<FindAccountsResponse> FindAccounts(
        FindAccountsRequest request,
        ServerCallContext context
    )
    {
        var validator = new RequestValidator();
        var name = validator.Required("company_name", request.CompanyName);
        validator.ThrowIfInvalid();
        var response = new FindAccountsResponse();
        response.Accounts.AddRange(
            (await connector.FindAccountsByNameAsync(name, context.CancellationToken)).Select(a => a.ToContract())
        );
        return response;
    }

    public override async Task<ListAccountHierarchyResponse> ListAccountHierarchy(
        ListAccountHierarchyRequest request,
        ServerCallContext context
    )
    {
        var validator = new RequestValidator();
        var parent = validator.Required("ultimate_parent_id", request.UltimateParentId, 64);
        validator.ThrowIfInvalid();
        var response = new ListAccountHierarchyResponse();
        response.Accounts.AddRange(
            (await connector.ListAccountHierarchyAsync(parent, context.CancellationToken)).Select(a => a.ToContract())
        );
        return response;
    }

    public override async Task<FindPeopleResponse> FindPeople(FindPeopleRequest request, ServerCallContext context)
    {
        var validator = new RequestValidator();
        var kind = request.Kind switch
        {
            Contracts.Crm.V1.PersonKind.Lead => Sdk.Capabilities.Crm.PersonKind.Lead,
            Contracts.Crm.V1.PersonKind.Contact => Sdk.Capabilities.Crm.PersonKind.Contact,
            Contracts.Crm.V1.PersonKind.Unspecified => Sdk.Capabilities.Crm.PersonKind.Unspecified,
            _ => Invalid(validator, "kind", "is not a known person kind"),
        };
        PeopleQuery? query = request.LookupCase switch
        {
            FindPeopleRequest.LookupOneofCase.Email => new PeopleQuery(
                Email: validator.Email("email", request.Email, required: true),
                Kind: kind
            ),
            FindPeopleRequest.LookupOneofCase.AccountId => new PeopleQuery(
                AccountId: validator.Required("account_id", request.AccountId, 64),
                Kind: kind
            ),
            FindPeopleRequest.LookupOneofCase.CompanyName => new PeopleQuery(
                CompanyName: validator.Required("company_name", request.CompanyName),
                Kind: kind
            ),
            _ => null,
        };
        if (query is null)
        {
            validator.Add("lookup", "set email, account_id or company_name");
        }

        validator.ThrowIfInvalid();
        var response = new FindPeopleResponse();
        response.People.AddRange(
            (await connector.FindPeopleAsync(query!, context.CancellationToken)).Select(p => p.ToContract())
        );
        return response;
    }

    public override async Task<UpsertLeadResponse> UpsertLead(UpsertLeadRequest request, ServerCallContext context)
    {
        var validator = new RequestValidator();
        var externalId = validator.Required("external_id", request.ExternalId, 128);
        if (request.Lead is null)
        {
            validator.Add("lead", "is required").ThrowIfInvalid();
        }

        var lead = request.Lead!;
        validator.Email("lead.email", lead.Email, required: true);
        validator.Required("lead.last_name", lead.LastName, 80);
        validator.Required("lead.company", lead.Company, 255);
        validator.Length("lead.first_name", lead.FirstName, 40);
        validator.Length("lead.title", lead.Title, 128);
        validator.Length("lead.phone", lead.Phone, 40);
        validator.Range("lead.lead_score", lead.LeadScore, 0, 10_000);
        if (!Enum.IsDefined(lead.Status))
        {
            validator.Add("lead.status", "is not a known lead status");
        }

        validator.ThrowIfInvalid();
        var result = await connector.UpsertLeadAsync(externalId, lead.ToLeadFields(), context.CancellationToken);
        return new UpsertLeadResponse { Lead = result.Lead.ToContract(), Created = result.Created };
    }

    public override async Task<ChangeOwnerResponse> ChangeOwner(ChangeOwnerRequest request, ServerCallContext context)
    {
        var validator = new RequestValidator();
        var person = validator.Required("person_id", request.PersonId, 64);
        var owner = validator.Required("owner_user_id", request.OwnerUserId, 64);
        validator.ThrowIfInvalid();
        return new ChangeOwnerResponse
        {
            Person = (await connector.ChangeOwnerAsync(person, owner, context.CancellationToken)).ToContract(),
        };
    }

    public override async Task<ConvertLeadResponse> ConvertLead(ConvertLeadRequest request, ServerCallContext context)
    {
        var validator = new RequestValidator();
        var lead = validator.Required("lead_id", request.LeadId, 64);
        var account = validator.Required("account_id", request.AccountId, 64);
        validator.ThrowIfInvalid();
        return new ConvertLeadResponse
        {
            Contact = (await connector.ConvertLeadAsync(lead, account, context.CancellationToken)).ToContract(),
        };
    }

    public override async Task<LogActivityResponse> LogActivity(LogActivityRequest request, ServerCallContext context)
    {
        var validator = new RequestValidator();
        var activity = request.Activity;
        if (activity is null)
        {
            validator.Add("activity", "is required").ThrowIfInvalid();
        }

        validator.Required("activity.subject_id", activity!.SubjectId, 64);
        validator.Required("activity.user_id", activity.UserId, 64);
        validator.Length("activity.subject", activity.Subject, 255);
        validator.Timestamp("activity.occur_time", activity.OccurTime, required: true);
        if (activity.Kind == Contracts.Crm.V1.ActivityKind.Unspecified || !Enum.IsDefined(activity.Kind))
        {
            validator.Add("activity.kind", "must be CALL, EMAIL, MEETING or TASK");
        }

        validator.ThrowIfInvalid();
        return new LogActivityResponse
        {
            Activity = (await connector.LogActivityAsync(activity.ToDomain(), context.CancellationToken)).ToContract(),
        };
    }

    public override async Task<ListActivitiesResponse> ListActivities(
        ListActivitiesRequest request,
        ServerCallContext context
    )
    {
        var validator = new RequestValidator();
        var subject = validator.Required("subject_id", request.SubjectId, 64);
        var since = validator.Timestamp("since_time", request.SinceTime, required: false);
        validator.ThrowIfInvalid();
        var response = new ListActivitiesResponse();
        response.Activities.AddRange(
            (await connector.ListActivitiesAsync(subject, since, context.CancellationToken)).Select(a => a.ToContract())
        );
        return response;
    }

    public override async Task<GetUserResponse> GetUser(GetUserRequest request, ServerCallContext context)
    {
        var validator = new RequestValidator();
        var id = validator.Required("user_id", request.UserId, 64);
        validator.ThrowIfInvalid();
        var user = await connector.GetUserAsync(id, context.CancellationToken)
            ?? throw HubException.NotFound($"No user {id}.");
        return new GetUserResponse { User = user.ToContract() };
    }

    private static string Domain(RequestValidator validator, string field, string value)
    {
        var domain = validator.Required(field, value, 253).ToLowerInvariant();
        if (domain.Length > 0 && Uri.CheckHostName(domain) != UriHostNameType.Dns)
        {
            validator.Add(field, "must be a domain name such as acme.com");
        }

        return domain;
    }

    private static Sdk.Capabilities.Crm.PersonKind Invalid(RequestValidator validator, string field, string why)
    {
        validator.Add(field, why);
        return Sdk.Capabilities.Crm.PersonKind.Unspecified;
    }
}
