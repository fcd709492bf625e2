using IntegrationHub.Sdk.Errors;
using IntegrationHub.Sdk.FakeKit;

namespace IntegrationHub.Connectors.Salesforce.Fake;

/// <summary>
/// Records as Salesforce returns them: each with attributes{type,url}; a relationship path in SELECT (Account.Name)
/// nested under the relationship with its own attributes, or null when the lookup is empty; retrieve by id
/// (all fields, or ?fields=) and by External ID (300 when several match).
/// </summary>
public sealed partial class SalesforceFake
{
    private static Dictionary<string, object?> Attributes(string type, object? id) =>
        new() { ["attributes"] = new { type, url = $"{DataPrefix}sobjects/{type}/{id}" } };

    private Dictionary<string, object?> Project(
        string type,
        Dictionary<string, object?> row,
        IEnumerable<string> fields
    )
    {
        var projected = Attributes(type, row["Id"]);
        foreach (var group in fields.GroupBy(f => f.Split('.')[0], StringComparer.OrdinalIgnoreCase))
        {
            var nested = group.Where(f => f.Contains('.', StringComparison.Ordinal)).ToList();
            if (nested.Count == 0)
            {
                projected[Schema.Field(type, group.Key)?.Name ?? group.Key] = Field(type, row, group.Key);
                continue;
            }

            var relationship = Schema.Relationship(type, group.Key)!.RelationshipName!;
            var (parentType, parent) = Parent(type, row, group.Key);
            projected[relationship] = parent is null
                ? null
                : Project(parentType!, parent, nested.Select(f => f[(f.IndexOf('.', StringComparison.Ordinal) + 1)..]));
        }

        return projected;
    }

    /// <summary>GET sobjects/{type}/{id}, or sobjects/{type}/{externalIdField}/{value}.</summary>
    private FakeResponse Retrieve(string type, string field, string value, string? fieldList)
    {
        if (Schema.Field(type, field) is not { } key || !(key.ExternalId || key.Name == "Id"))
        {
            return Error(404, "NOT_FOUND", $"Provided external ID field does not exist or is not accessible: {field}");
        }

        var fields = fieldList is null
            ? [.. Schema.Fields(type).Select(f => f.Name)]
            : fieldList.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (fields.FirstOrDefault(f => Schema.Field(type, f) is null) is { } unknown)
        {
            return Error(400, "INVALID_FIELD", $"No such column '{unknown}' on sobject of type {type}");
        }

        if (key.Name == "Id" && CaseSafeId.ToEighteen(value) is null)
        {
            // Salesforce reads a segment that is not an id as the name of an External ID field.
            return Error(404, "NOT_FOUND", $"Provided external ID field does not exist or is not accessible: {value}");
        }

        List<Dictionary<string, object?>> matches =
            key.Name == "Id"
                ? [.. Row(type, value) is { } row ? [row] : Array.Empty<Dictionary<string, object?>>()]
                :
                [
                    .. Table(type)
                        .Where(r =>
                            string.Equals(r.GetValueOrDefault(key.Name) as string, value, StringComparison.Ordinal)
                        ),
                ];
        return matches.Count switch
        {
            0 => Error(404, "NOT_FOUND", "The requested resource does not exist"),
            1 => FakeResponse.Json(200, Project(type, matches[0], fields)),
            _ => FakeResponse.Json(300, matches.Select(m => $"{DataPrefix}sobjects/{type}/{m["Id"]}").ToList()),
        };
    }
}
