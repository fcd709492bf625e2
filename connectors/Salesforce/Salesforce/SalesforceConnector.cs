using System.Net;
using System.Text.Json.Nodes;
using IntegrationHub.Sdk.Capabilities.Crm;
using IntegrationHub.Sdk.Connectors;
using IntegrationHub.Sdk.Errors;
using IntegrationHub.Sdk.Http;
using Microsoft.Extensions.Options;
using static IntegrationHub.Connectors.Salesforce.Soql;

namespace IntegrationHub.Connectors.Salesforce;

/// <summary>
/// The CRM over the Salesforce REST API: SOQL queries followed to the last page, leads
/// upserted on an external id (and merged into the match when a duplicate rule fires),
/// owner changes and conversions as sObject writes. Field mapping: connectors/Salesforce/README.md.
/// </summary>
[Connector(Name, typeof(SalesforceOptions), Version = "1.0.0")]
public sealed class SalesforceConnector(SalesforceSession session, IOptions<SalesforceOptions> options) : ICrmConnector
{
    public const string Name = "Salesforce";

    public async Task<Account?> GetAccountByIdAsync(string accountId, CancellationToken cancellationToken)
    {
        SalesforceIds.Require(("account_id", accountId));
        return (
            await QueryAsync($"SELECT {AccountColumns} FROM Account WHERE Id = {Quote(accountId)}", cancellationToken)
        )
            .Select(SalesforceRecords.Account)
            .FirstOrDefault();
    }

    public async Task<Account?> GetAccountByDomainAsync(string domain, CancellationToken cancellationToken) =>
        (
            await QueryAsync(
                $"SELECT {AccountColumns} FROM Account WHERE Primary_Domain__c = "
                    + $"{Quote(domain.Trim().ToLowerInvariant())}",
                cancellationToken
            )
        )
            .Select(SalesforceRecords.Account)
            .OrderBy(a => a.Id, StringComparer.Ordinal)
            .FirstOrDefault();

    public async Task<IReadOnlyList<Account>> FindAccountsByNameAsync(
        string companyName,
        CancellationToken cancellationToken
    ) =>
        [
            .. (
                await QueryAsync(
                    $"SELECT {AccountColumns} FROM Account WHERE Name = {Quote(companyName.Trim())}",
                    cancellationToken
                )
            ).Select(SalesforceRecords.Account),
        ];

    public async Task<IReadOnlyList<Account>> ListAccountHierarchyAsync(
        string ultimateParentId,
        CancellationToken cancellationToken
    )
    {
        SalesforceIds.Require(("ultimate_parent_id", ultimateParentId));
        return
        [
            .. (
                await QueryAsync(
                    $"SELECT {AccountColumns} FROM Account WHERE Ultimate_Parent__c = {Quote(ultimateParentId)} OR "
                        + $"Id = {Quote(ultimateParentId)}",
                    cancellationToken
                )
            ).Select(SalesforceRecords.Account),
        ];
    }

    public async Task<IReadOnlyList<Person>> FindPeopleAsync(PeopleQuery query, CancellationToken cancellationToken)
    {
        var (leadWhere, contactWhere) = query switch
        {
            { Email: { } email } => ($"Email = {Quote(email)}", $"Email = {Quote(email)}"),
            { AccountId: { } id } => AccountFilters(id),
            { CompanyName: { } name } => ($"Company = {Quote(name)}", $"Account.Name = {Quote(name)}"),
            _ => throw ConnectorException.Invalid(
                new FieldViolation("lookup", "set email, account_id or company_name")
            ),
        };
        var people = new List<Person>();
        if (query.Kind != PersonKind.Contact)
        {
            people.AddRange(
                (
                    await QueryAsync(
                        $"SELECT {LeadColumns}, {options.Value.LeadExternalIdField} FROM Lead WHERE {leadWhere} AND "
                            + $"IsConverted = false",
                        cancellationToken
                    )
                ).Select(r =>
                    SalesforceRecords.Lead(r) with
                    {
                        ExternalId = r[options.Value.LeadExternalIdField]?.GetValue<string>(),
                    }
                )
            );
        }

        if (query.Kind != PersonKind.Lead)
        {
            people.AddRange(
                (
                    await QueryAsync($"SELECT {ContactColumns} FROM Contact WHERE {contactWhere}", cancellationToken)
                ).Select(SalesforceRecords.Contact)
            );
        }

        return people;
    }

    public async Task<LeadUpsertResult> UpsertLeadAsync(
        string externalId,
        LeadFields lead,
        CancellationToken cancellationToken
    )
    {
        Validate(lead);
        var field = options.Value.LeadExternalIdField;
        var (status, body) = await session.SendAsync(
            HttpMethod.Patch,
            $"sobjects/Lead/{field}/{Uri.EscapeDataString(externalId)}",
            SalesforceRecords.LeadBody(lead, null, null),
            cancellationToken
        );
        string id;
        bool created;
        if (
            status is HttpStatusCode.Created or HttpStatusCode.OK
            && VendorJson.Parse(body, Name)?["id"]?.GetValue<string>() is { } upserted
        )
        {
            (id, created) = (
                upserted,
                status == HttpStatusCode.Created && VendorJson.Parse(body, Name)?["created"]?.GetValue<bool>() != false
            );
        }
        else if (status == HttpStatusCode.NoContent)
        {
            (id, created) = (
                (await LeadByExternalIdAsync(externalId, cancellationToken))?.Id
                    ?? throw ConnectorException.NotFound("the upserted lead"),
                false
            );
        }
        else if (
            status == HttpStatusCode.BadRequest
            && SalesforceErrors.Read(body) is { Code: SalesforceErrors.DuplicatesDetected, DuplicateId: { } match }
        )
        {
            // The org's duplicate rule found the person already (a lead the hub did not create):
            // adopt it by stamping our external id on it, so later upserts hit it directly.
            await Expect(
                session.SendAsync(
                    HttpMethod.Patch,
                    $"sobjects/Lead/{match}",
                    SalesforceRecords.LeadBody(lead, field, externalId),
                    cancellationToken
                )
            );
            (id, created) = (match, false);
        }
        else
        {
            throw SalesforceErrors.From(status, body);
        }

        var stored = await LeadByIdAsync(id, cancellationToken) ?? throw ConnectorException.NotFound($"lead {id}");
        return new LeadUpsertResult(stored, created);
    }

    public async Task<Person> ChangeOwnerAsync(string personId, string ownerUserId, CancellationToken cancellationToken)
    {
        SalesforceIds.Require(("person_id", personId), ("owner_user_id", ownerUserId));
        var type = personId.StartsWith("003", StringComparison.Ordinal) ? "Contact" : "Lead";
        await Expect(
            session.SendAsync(
                HttpMethod.Patch,
                $"sobjects/{type}/{Uri.EscapeDataString(personId)}",
                new JsonObject { ["OwnerId"] = ownerUserId },
                cancellationToken
            )
        );
        return (
            type == "Contact"
                ? await ContactByIdAsync(personId, cancellationToken)
                : await LeadByIdAsync(personId, cancellationToken)
        ) ?? throw ConnectorException.NotFound($"person {personId}");
    }

    /// <summary>
    /// Converts through Salesforce's lead conversion (SOAP convertLead(); IsConverted is read-only to REST), into
    /// the account, merging into a contact there with the lead's email when there is one. A lead converted
    /// already (by a repeat, or a concurrent conversion) answers with the contact it became.
    /// </summary>
    public async Task<Person> ConvertLeadAsync(string leadId, string accountId, CancellationToken cancellationToken)
    {
        SalesforceIds.Require(("lead_id", leadId), ("account_id", accountId));
        var lead = await ConversionStateAsync(leadId, cancellationToken);
        if (lead.ConvertedContactId is { } done)
        {
            return await ContactByIdAsync(done, cancellationToken)
                ?? throw ConnectorException.NotFound($"contact {done}");
        }

        var existing = (
            await QueryAsync(
                $"SELECT Id FROM Contact WHERE Email = {Quote(lead.Email)} AND AccountId = {Quote(accountId)} "
                    + "ORDER BY Id LIMIT 1",
                cancellationToken
            )
        )
            .Select(r => r["Id"]?.GetValue<string>())
            .FirstOrDefault();
        var (status, body) = await session.SendSoapAsync(
            SalesforceSoap.ConvertLead(leadId, accountId, existing, await ConvertedStatusAsync(cancellationToken)),
            cancellationToken
        );
        string? contactId;
        try
        {
            contactId = SalesforceSoap.ConvertedContactId(status, body);
        }
        catch (ConnectorException e) when (e.Reason == "CANNOT_UPDATE_CONVERTED_LEAD")
        {
            // Converted meanwhile by someone else: the contact it became is the answer.
            contactId = (await ConversionStateAsync(leadId, cancellationToken)).ConvertedContactId;
            if (contactId is null)
            {
                throw;
            }
        }

        return await ContactByIdAsync(contactId, cancellationToken)
            ?? throw ConnectorException.NotFound($"contact {contactId}");
    }

    private async Task<(string Email, string? ConvertedContactId)> ConversionStateAsync(
        string leadId,
        CancellationToken cancellationToken
    )
    {
        var lead = (
            await QueryAsync(
                $"SELECT Id, Email, IsConverted, ConvertedContactId FROM Lead WHERE Id = {Quote(leadId)}",
                cancellationToken
            )
        ).FirstOrDefault() ?? throw ConnectorException.NotFound($"No lead {leadId}.");
        return (
            lead["Email"]?.GetValue<string>() ?? "",
            lead["IsConverted"]?.GetValue<bool>() == true ? lead["ConvertedContactId"]?.GetValue<string>() : null
        );
    }

    /// <summary>The org's converted lead status (convertLead() needs one; orgs name it differently).</summary>
    private async Task<string> ConvertedStatusAsync(CancellationToken cancellationToken) =>
        (
            await QueryAsync(
                "SELECT MasterLabel FROM LeadStatus WHERE IsConverted = true ORDER BY SortOrder LIMIT 1",
                cancellationToken
            )
        )
            .Select(r => r["MasterLabel"]?.GetValue<string>())
            .FirstOrDefault()
        ?? throw new ConnectorException(
            ConnectorErrorKind.FailedPrecondition,
            "The Salesforce org has no converted lead status."
        )
        {
            Vendor = Name,
        };

    public async Task<Activity> LogActivityAsync(Activity activity, CancellationToken cancellationToken)
    {
        SalesforceIds.Require(("activity.subject_id", activity.SubjectId), ("activity.user_id", activity.UserId));
        var onAccount = activity.SubjectId.StartsWith("001", StringComparison.Ordinal);
        var (status, body) = await session.SendAsync(
            HttpMethod.Post,
            "sobjects/Task",
            new JsonObject
            {
                [onAccount ? "WhatId" : "WhoId"] = activity.SubjectId,
                ["OwnerId"] = activity.UserId,
                ["TaskSubtype"] = activity.Kind switch
                {
                    ActivityKind.Call => "Call",
                    ActivityKind.Email => "Email",
                    ActivityKind.Meeting => "Meeting",
                    _ => "Task",
                },
                ["CompletedDateTime"] = DateTime(activity.OccurredAt),
                ["Subject"] = activity.Subject,
                ["Status"] = "Completed",
            },
            cancellationToken
        );
        return status == HttpStatusCode.Created && VendorJson.Parse(body, Name)?["id"]?.GetValue<string>() is { } id
            ? activity with
            {
                Id = id,
            }
            : throw SalesforceErrors.From(status, body);
    }

    public async Task<IReadOnlyList<Activity>> ListActivitiesAsync(
        string subjectId,
        DateTimeOffset? since,
        CancellationToken cancellationToken
    )
    {
        SalesforceIds.Require(("subject_id", subjectId));
        var window = since is { } s ? $" AND CompletedDateTime >= {DateTime(s)}" : "";
        return
        [
            .. (
                await QueryAsync(
                    $"SELECT {TaskColumns} FROM Task WHERE (WhatId = {Quote(subjectId)} OR WhoId = "
                        + $"{Quote(subjectId)}){window} ORDER BY CompletedDateTime DESC",
                    cancellationToken
                )
            ).Select(SalesforceRecords.Task),
        ];
    }

    public async Task<CrmUser?> GetUserAsync(string userId, CancellationToken cancellationToken)
    {
        SalesforceIds.Require(("user_id", userId));
        return (
            await QueryAsync(
                $"SELECT Id, Name, Email, ManagerId FROM User WHERE Id = {Quote(userId)}",
                cancellationToken
            )
        )
            .Select(SalesforceRecords.User)
            .FirstOrDefault();
    }

    /// <summary>Runs a SOQL query and follows nextRecordsUrl until done.</summary>
    private async Task<IReadOnlyList<JsonNode>> QueryAsync(string soql, CancellationToken cancellationToken)
    {
        var records = new List<JsonNode>();
        var next = "query?q=" + Uri.EscapeDataString(soql);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (next is not null)
        {
            if (!seen.Add(next))
            {
                throw new ConnectorException(
                    ConnectorErrorKind.VendorProtocol,
                    "Salesforce returned the same nextRecordsUrl twice."
                )
                {
                    Vendor = Name,
                };
            }

            var (status, body) = await session.SendAsync(HttpMethod.Get, next, null, cancellationToken);
            if (status != HttpStatusCode.OK)
            {
                throw SalesforceErrors.From(status, body);
            }

            var page = VendorJson.Parse(body, Name);
            records.AddRange((page?["records"] as JsonArray ?? []).OfType<JsonNode>());
            next = page?["done"]?.GetValue<bool>() == false ? page["nextRecordsUrl"]?.GetValue<string>() : null;
        }

        return records;
    }

    private async Task<Person?> LeadByIdAsync(string id, CancellationToken cancellationToken) =>
        (await FindLeadsAsync($"Id = {Quote(id)}", cancellationToken)).FirstOrDefault();

    private async Task<Person?> LeadByExternalIdAsync(string externalId, CancellationToken cancellationToken) =>
        (
            await FindLeadsAsync($"{options.Value.LeadExternalIdField} = {Quote(externalId)}", cancellationToken)
        ).FirstOrDefault();

    private async Task<IEnumerable<Person>> FindLeadsAsync(string where, CancellationToken cancellationToken)
    {
        var field = options.Value.LeadExternalIdField;
        return (await QueryAsync($"SELECT {LeadColumns}, {field} FROM Lead WHERE {where}", cancellationToken)).Select(
            r => SalesforceRecords.Lead(r) with { ExternalId = r[field]?.GetValue<string>() }
        );
    }

    private async Task<Person?> ContactByIdAsync(string id, CancellationToken cancellationToken) =>
        (await QueryAsync($"SELECT {ContactColumns} FROM Contact WHERE Id = {Quote(id)}", cancellationToken))
            .Select(SalesforceRecords.Contact)
            .FirstOrDefault();

    private static async Task Expect(Task<(HttpStatusCode Status, string Body)> call)
    {
        var (status, body) = await call;
        if ((int)status is < 200 or >= 300)
        {
            throw SalesforceErrors.From(status, body);
        }
    }

    private static (string Lead, string Contact) AccountFilters(string accountId)
    {
        SalesforceIds.Require(("account_id", accountId));
        return ($"Account__c = {Quote(accountId)}", $"AccountId = {Quote(accountId)}");
    }

    private static void Validate(LeadFields lead)
    {
        var problems = new List<FieldViolation>();
        if (lead.OwnerUserId is { } owner && !CaseSafeId.IsWellFormed(owner))
        {
            problems.Add(
                new FieldViolation("lead.owner_user_id", "must be a Salesforce user id (15 or 18 characters)")
            );
        }

        if (string.IsNullOrWhiteSpace(lead.Email))
        {
            problems.Add(new FieldViolation("lead.email", "is required"));
        }
        else if (!SalesforceEmail.IsValid(lead.Email))
        {
            problems.Add(new FieldViolation("lead.email", "is not an email address Salesforce accepts"));
        }

        if (lead.Status == LeadStatus.Converted)
        {
            problems.Add(new FieldViolation("lead.status", "a lead becomes Converted only by converting it"));
        }

        if (string.IsNullOrWhiteSpace(lead.LastName))
        {
            problems.Add(new FieldViolation("lead.last_name", "is required"));
        }

        if (string.IsNullOrWhiteSpace(lead.Company))
        {
            problems.Add(new FieldViolation("lead.company", "is required"));
        }

        if (problems.Count > 0)
        {
            throw ConnectorException.Invalid([.. problems]);
        }
    }
}
