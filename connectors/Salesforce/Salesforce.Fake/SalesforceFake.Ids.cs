using System.Globalization;
using IntegrationHub.Sdk.Errors;
using IntegrationHub.Sdk.FakeKit;

namespace IntegrationHub.Connectors.Salesforce.Fake;

/// <summary>
/// Record ids as Salesforce issues them: a key prefix per object, 15 case-sensitive characters, stored and returned
/// in the 18-character case-safe form, accepted in either form. A malformed id in a reference field is MALFORMED_ID,
/// a well-formed one naming no record of the lookup's object INVALID_CROSS_REFERENCE_KEY.
/// </summary>
public sealed partial class SalesforceFake
{
    /// <summary>What follows the key prefix in created ids, and in no seeded one (seeds pad with 0s).</summary>
    private const string CreatedPod = "8dH00";

    /// <summary>The key prefix Salesforce gives ids of this object.</summary>
    public static string KeyPrefix(string sObject) =>
        sObject.ToUpperInvariant() switch
        {
            "ACCOUNT" => "001",
            "CONTACT" => "003",
            "USER" => "005",
            "OPPORTUNITY" => "006",
            "GROUP" => "00G",
            "LEAD" => "00Q",
            "TASK" => "00T",
            "LEADSTATUS" => "01J",
            _ => "a00",
        };

    /// <summary>
    /// A new id of this object, never sharing its first 15 characters with a record the org holds: Salesforce
    /// would read those as the same record.
    /// </summary>
    private string NewId(string type)
    {
        while (true)
        {
            var next = Interlocked.Increment(ref _nextId).ToString("D7", CultureInfo.InvariantCulture);
            var id = CaseSafeId.ToEighteen(KeyPrefix(type) + CreatedPod + next)!;
            if (!_objects.Values.Any(rows => rows.Any(r => SameRecord(r.GetValueOrDefault("Id"), id))))
            {
                return id;
            }
        }
    }

    private static bool SameRecord(object? stored, string id) =>
        stored is string s && s.Length >= 15 && string.Equals(s[..15], id[..15], StringComparison.Ordinal);

    /// <summary>Whether a SOQL field path ends in an id: the record's Id or a lookup (OwnerId, WhatId…).</summary>
    private bool IsIdPath(string sObject, string path)
    {
        var segments = path.Split('.');
        string? type = sObject;
        foreach (var relationship in segments[..^1])
        {
            type = type is null ? null : Schema.Relationship(type, relationship)?.ReferenceTo;
        }

        return segments[^1].Equals("Id", StringComparison.OrdinalIgnoreCase)
            || (type is not null && Schema.Field(type, segments[^1]) is { RelationshipName: not null });
    }

    /// <summary>
    /// A literal compared with an id in SOQL, in the 18-character form the org stores; a malformed one is refused as
    /// Salesforce refuses it ("invalid ID field"), so a query for a mistyped id never reads as "no such record".
    /// </summary>
    private object? IdLiteral(string sObject, string field, object? literal) =>
        literal is string text && Schema.ObjectName(sObject) is { } type && IsIdPath(type, field)
            ? CaseSafeId.ToEighteen(text) ?? throw new InvalidIdLiteralException(text)
            : literal;

    /// <summary>SOQL comparing an id field with something that cannot be an id.</summary>
    private sealed class InvalidIdLiteralException(string value) : FormatException($"invalid ID field: {value}");

    /// <summary>
    /// Lookup values of a create or update in their 18-character form, or Salesforce's refusal of the first one that
    /// is malformed (MALFORMED_ID) or names no record the lookup can point at (INVALID_CROSS_REFERENCE_KEY).
    /// </summary>
    private FakeResponse? ReferenceProblem(string sObject, Dictionary<string, object?> fields)
    {
        foreach (var (name, value) in fields.ToList())
        {
            if (Schema.Field(sObject, name) is not { RelationshipName: not null } lookup || value is not string text)
            {
                continue;
            }

            if (CaseSafeId.ToEighteen(text) is not { } id)
            {
                return Error(400, "MALFORMED_ID", $"{lookup.Name}: id value of incorrect type: {text}", lookup.Name);
            }

            string[] targets = lookup switch
            {
                { ReferenceTo: null } => [.. _objects.Keys],
                { Name: "OwnerId" } => ["User", "Group"],
                _ => [lookup.ReferenceTo!],
            };
            if (!targets.Any(t => Table(t).Any(r => SameRecord(r.GetValueOrDefault("Id"), id))))
            {
                return Error(
                    400,
                    "INVALID_CROSS_REFERENCE_KEY",
                    $"invalid cross reference id: {lookup.Name}",
                    lookup.Name
                );
            }

            fields[name] = id;
        }

        return null;
    }

    /// <summary>The id and lookups of a record added as-is, in their 18-character form (test and seed data).</summary>
    private void StoreIdsInLongForm(string sObject, Dictionary<string, object?> row)
    {
        foreach (var (name, value) in row.ToList())
        {
            var isId =
                name.Equals("Id", StringComparison.OrdinalIgnoreCase)
                || Schema.Field(sObject, name) is { RelationshipName: not null };
            if (isId && value is string text)
            {
                row[name] = CaseSafeId.ToEighteen(text)
                    ?? throw new ArgumentException($"{sObject}.{name} is not a Salesforce id: {text}", nameof(row));
            }
        }
    }

    /// <summary>The row with this id (either form) in the table, or null; a malformed id matches nothing.</summary>
    private Dictionary<string, object?>? Row(string type, string? id) =>
        CaseSafeId.ToEighteen(id) is { } full
            ? Table(type).FirstOrDefault(r => SameRecord(r.GetValueOrDefault("Id"), full))
            : null;
}
