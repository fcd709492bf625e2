using System.Text.RegularExpressions;
using IntegrationHub.Sdk.FakeKit;

namespace IntegrationHub.Connectors.Salesforce.Fake;

/// <summary>
/// Fields checked against the org's schema, with Salesforce's errors: an unknown field or relationship in SOQL or
/// in a write is INVALID_FIELD, a read-only one in a write INVALID_FIELD_FOR_INSERT_UPDATE, a malformed email
/// INVALID_EMAIL_ADDRESS. Relationship paths (Account.Name, Owner.Email) are followed through the lookups.
/// </summary>
public sealed partial class SalesforceFake
{
    /// <summary>The org's objects and fields; tests may declare more custom fields.</summary>
    public SalesforceSchema Schema { get; } = new();

    [GeneratedRegex(
        @"^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?"
            + @"(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+$"
    )]
    private static partial Regex EmailShape();

    /// <summary>Whether Salesforce would store this as an email address (a local part, @, a dotted domain).</summary>
    public static bool IsValidEmail(string value) => EmailShape().IsMatch(value);

    /// <summary>INVALID_FIELD for a field path SOQL cannot resolve on <paramref name="sObject"/>, else null.</summary>
    private FakeResponse? QueryFieldProblem(string sObject, string path)
    {
        var segments = path.Split('.');
        string? type = sObject;
        foreach (var relationship in segments[..^1])
        {
            var lookup = type is null ? null : Schema.Relationship(type, relationship);
            if (lookup is null)
            {
                return Error(
                    400,
                    "INVALID_FIELD",
                    $"Didn't understand relationship '{relationship}' in field path. If you are attempting to use a "
                        + "custom relationship, be sure to append the '__r' after the custom relationship name. "
                        + "Please reference your WSDL or the describe call for the appropriate names."
                );
            }

            type = lookup.ReferenceTo;
        }

        var field = segments[^1];
        var known = type is null ? field is "Id" or "Name" or "Type" : Schema.Field(type, field) is not null;
        return known
            ? null
            : Error(
                400,
                "INVALID_FIELD",
                $"No such column '{field}' on entity '{type ?? "Name"}'. If you are attempting to use a custom field, "
                    + "be sure to append the '__c' after the custom field name. Please reference your WSDL or the "
                    + "describe call for the appropriate names."
            );
    }

    /// <summary>What Salesforce refuses in a create or update body of <paramref name="sObject"/>, or null.</summary>
    private FakeResponse? WriteProblem(string sObject, IReadOnlyDictionary<string, object?> fields)
    {
        if (fields.Keys.FirstOrDefault(f => Schema.Field(sObject, f) is null) is { } unknown)
        {
            return Error(400, "INVALID_FIELD", $"No such column '{unknown}' on sobject of type {sObject}");
        }

        var readOnly = fields.Keys.Where(f => Schema.Field(sObject, f)!.ReadOnly).ToArray();
        if (readOnly.Length > 0)
        {
            return Error(
                400,
                "INVALID_FIELD_FOR_INSERT_UPDATE",
                $"Unable to create/update fields: {string.Join(", ", readOnly)}. Please check the security settings "
                    + "of this field and verify that it is read/write for your profile or permission set.",
                readOnly
            );
        }

        // [R] A converted status is the conversion's to set (convertLead()), never a field write's.
        if (
            sObject == "Lead"
            && fields.GetValueOrDefault("Status") is string status
            && Table("LeadStatus").Any(s => (string?)s["MasterLabel"] == status && s["IsConverted"] is true)
        )
        {
            return Error(
                400,
                "FIELD_INTEGRITY_EXCEPTION",
                $"Lead Status: '{status}' is a converted status, set only by converting the lead",
                "Status"
            );
        }

        var badEmail = fields.FirstOrDefault(f =>
            Schema.Field(sObject, f.Key)!.IsEmail && f.Value is string { Length: > 0 } s && !IsValidEmail(s)
        );
        return badEmail.Key is null
            ? null
            : Error(
                400,
                "INVALID_EMAIL_ADDRESS",
                $"{badEmail.Key}: invalid email address: {badEmail.Value}",
                badEmail.Key
            );
    }

    /// <summary>A field's value on a row of <paramref name="sObject"/>, following relationship paths.</summary>
    private object? Field(string sObject, Dictionary<string, object?> row, string path)
    {
        var dot = path.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0)
        {
            return Value(sObject, row, path);
        }

        var (parentType, parent) = Parent(sObject, row, path[..dot]);
        return parent is null ? null : Field(parentType!, parent, path[(dot + 1)..]);
    }

    /// <summary>The record a relationship (Account, Owner, What…) points at from this row, and its type.</summary>
    private (string? Type, Dictionary<string, object?>? Row) Parent(
        string sObject,
        Dictionary<string, object?> row,
        string relationship
    )
    {
        var lookup = Schema.Relationship(sObject, relationship);
        if (lookup is null || row.GetValueOrDefault(lookup.Name) is not string id)
        {
            return (null, null);
        }

        var type = lookup.ReferenceTo ?? TypeOf(id);
        return (type, Row(type, id));
    }

    private static object? Value(string sObject, Dictionary<string, object?> row, string field)
    {
        if (row.TryGetValue(field, out var value))
        {
            return value;
        }

        // Fields Salesforce derives rather than stores: booleans default to false, Name joins first and last name.
        return field.ToUpperInvariant() switch
        {
            "ISCONVERTED" => false,
            "NAME" when sObject is "Lead" or "Contact" or "User" => string.Join(
                ' ',
                new[]
                {
                    row.GetValueOrDefault("FirstName") as string,
                    row.GetValueOrDefault("LastName") as string,
                }.Where(n => !string.IsNullOrEmpty(n))
            )
                is { Length: > 0 } name
                ? name
                : null,
            _ => null,
        };
    }
}
