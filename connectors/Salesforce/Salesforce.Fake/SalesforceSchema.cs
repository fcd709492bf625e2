namespace IntegrationHub.Connectors.Salesforce.Fake;

/// <summary>
/// A field as the org describes it: read-only fields cannot be written, an External ID field can key an upsert,
/// an email field is validated, and a lookup names its target and the relationship SOQL follows.
/// </summary>
public sealed record SalesforceField(
    string Name,
    bool ReadOnly = false,
    bool ExternalId = false,
    bool IsEmail = false,
    string? ReferenceTo = null,
    string? RelationshipName = null
);

/// <summary>
/// The org's objects and their fields: the standard fields the connector uses (with Salesforce's read-only flags)
/// and the custom fields the org declares (the seed declares them, see <see cref="SalesforceSeeding"/>). Anything
/// not declared is INVALID_FIELD, as in a real org. Polymorphic lookups (Task.WhatId, WhoId) have no fixed target.
/// </summary>
public sealed class SalesforceSchema
{
    private readonly Dictionary<string, Dictionary<string, SalesforceField>> _objects = new(
        StringComparer.OrdinalIgnoreCase
    );

    public SalesforceSchema()
    {
        Standard("User", Rw("FirstName"), Rw("LastName"), Ro("Name"), Email(), Rw("Username"), Rw("IsActive"));
        Standard("User", Ref("ManagerId", "User", "Manager"));
        Standard("Account", Rw("Name"), Rw("Type"), Rw("BillingCountryCode"), Rw("Description"), Rw("Website"));
        Standard("Account", Ref("ParentId", "Account", "Parent"), Owner(), Ro("LastActivityDate"), Rw("Industry"));
        Standard("Lead", Rw("FirstName"), Rw("LastName"), Ro("Name"), Email(), Rw("Company"), Rw("Title"));
        Standard("Lead", Rw("Phone"), Rw("CountryCode"), Rw("Status"), Rw("LeadSource"), Owner());
        Standard("Lead", Ro("IsConverted"), Ro("ConvertedDate"), Ro("LastActivityDate"));
        Standard("Lead", Ref("ConvertedAccountId", "Account", "ConvertedAccount") with { ReadOnly = true });
        Standard("Lead", Ref("ConvertedContactId", "Contact", "ConvertedContact") with { ReadOnly = true });
        Standard("Lead", Ref("ConvertedOpportunityId", "Opportunity", "ConvertedOpportunity") with { ReadOnly = true });
        Standard("Contact", Rw("FirstName"), Rw("LastName"), Ro("Name"), Email(), Rw("Title"), Rw("Phone"));
        Standard("Contact", Rw("MailingCountryCode"), Ref("AccountId", "Account", "Account"), Owner());
        Standard("Contact", Ro("LastActivityDate"));
        Standard("Opportunity", Rw("Name"), Rw("StageName"), Rw("CloseDate"), Owner());
        Standard("Opportunity", Ref("AccountId", "Account", "Account"));
        Standard("Task", Ref("WhatId", null, "What"), Ref("WhoId", null, "Who"), Owner(), Rw("TaskSubtype"));
        Standard("Task", Rw("CompletedDateTime"), Rw("Subject"), Rw("Status"), Rw("ActivityDate"));
        Standard("Task", Rw("Description"));
        Standard("LeadStatus", Ro("MasterLabel"), Ro("ApiName"), Ro("IsConverted"), Ro("SortOrder"));
        Standard("LeadStatus", Ro("IsDefault"));
    }

    public bool HasObject(string sObject) => _objects.ContainsKey(sObject);

    /// <summary>The object's API name as the org spells it, or null for an object the org does not have.</summary>
    public string? ObjectName(string sObject) =>
        _objects.Keys.FirstOrDefault(k => string.Equals(k, sObject, StringComparison.OrdinalIgnoreCase));

    public SalesforceField? Field(string sObject, string field) =>
        _objects.TryGetValue(sObject, out var fields) ? fields.GetValueOrDefault(field) : null;

    /// <summary>The lookup a relationship name (Account, Owner, Account__r…) follows on this object.</summary>
    public SalesforceField? Relationship(string sObject, string relationship) =>
        _objects.TryGetValue(sObject, out var fields)
            ? fields.Values.FirstOrDefault(f =>
                string.Equals(f.RelationshipName, relationship, StringComparison.OrdinalIgnoreCase)
            )
            : null;

    public IEnumerable<SalesforceField> Fields(string sObject) =>
        _objects.TryGetValue(sObject, out var fields) ? fields.Values : [];

    /// <summary>Adds a custom field to an object, as an admin does in Setup.</summary>
    public void Declare(string sObject, SalesforceField field)
    {
        if (!field.Name.EndsWith("__c", StringComparison.Ordinal))
        {
            throw new ArgumentException($"custom field names end in __c: {field.Name}", nameof(field));
        }

        Object(sObject)[field.Name] = field;
    }

    private void Standard(string sObject, params SalesforceField[] fields)
    {
        var target = Object(sObject);
        foreach (var field in new[] { Ro("Id"), Ro("CreatedDate"), Ro("LastModifiedDate"), Ro("SystemModstamp") })
        {
            target.TryAdd(field.Name, field);
        }

        foreach (var field in fields)
        {
            target[field.Name] = field;
        }
    }

    private Dictionary<string, SalesforceField> Object(string sObject)
    {
        if (!_objects.TryGetValue(sObject, out var fields))
        {
            fields = new Dictionary<string, SalesforceField>(StringComparer.OrdinalIgnoreCase);
            _objects[sObject] = fields;
        }

        return fields;
    }

    private static SalesforceField Rw(string name) => new(name);

    private static SalesforceField Ro(string name) => new(name, ReadOnly: true);

    private static SalesforceField Email() => new("Email", IsEmail: true);

    private static SalesforceField Owner() => Ref("OwnerId", "User", "Owner");

    private static SalesforceField Ref(string name, string? target, string relationship) =>
        new(name, ReferenceTo: target, RelationshipName: relationship);
}
