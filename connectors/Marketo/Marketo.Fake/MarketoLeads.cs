using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using IntegrationHub.Sdk.Capabilities.Marketing;
using IntegrationHub.Sdk.FakeKit;

namespace IntegrationHub.Connectors.Marketo.Fake;

/// <summary>
/// The fake instance's lead database, strict as Marketo's Lead API: fields by their REST names (the standard ones and
/// the custom fields a test declares), only the default field set when `fields` is absent, look-up by a searchable
/// field, and POST leads.json (createOrUpdate, createOnly, updateOnly, createDuplicate) answering each record with
/// created, updated or skipped and its reasons.
/// </summary>
internal sealed class MarketoLeads(TimeProvider time)
{
    /// <summary>What Marketo returns when the caller names no fields.</summary>
    public static readonly string[] DefaultFields = ["id", "email", "updatedAt", "createdAt", "firstName", "lastName"];

    private const int MaxBatch = 300;
    private static readonly string[] Searchable = ["id", "email"];
    private static readonly string[] Actions = ["createOrUpdate", "createOnly", "updateOnly", "createDuplicate"];
    private static readonly string[] ReadOnly = ["id", "createdAt", "updatedAt"];

    private readonly HashSet<string> _fields = new(StringComparer.Ordinal)
    {
        "id",
        "email",
        "firstName",
        "lastName",
        "company",
        "title",
        "phone",
        "createdAt",
        "updatedAt",
        "leadScore",
        "lastInterestingMomentDesc",
        "lastInterestingMomentDate",
    };

    private readonly List<Dictionary<string, object?>> _rows = [];
    private int _nextId = 9000;

    public void Add(PersonEngagement lead)
    {
        var now = time.GetUtcNow();
        var id = int.TryParse(lead.LeadId, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n)
            ? n
            : ++_nextId;
        _rows.Add(
            new Dictionary<string, object?>(StringComparer.Ordinal)
            {
                ["id"] = id,
                ["email"] = lead.Email,
                ["leadScore"] = lead.LeadScore,
                ["lastInterestingMomentDesc"] = lead.LastInterestingMoment,
                ["lastInterestingMomentDate"] = MarketoAnswers.Stamp(lead.LastInterestingMomentAt),
                ["createdAt"] = MarketoAnswers.Stamp(now.AddDays(-100)),
                ["updatedAt"] = MarketoAnswers.Stamp(now),
            }
        );
    }

    /// <summary>Declares a custom field on the instance (if new) and sets it on the leads with this email.</summary>
    public void Set(string email, string field, object? value)
    {
        _fields.Add(field);
        foreach (var row in _rows.Where(r => EmailOf(r).Equals(email, StringComparison.OrdinalIgnoreCase)))
        {
            row[field] = value;
        }
    }

    public FakeResponse Get(FakeRequest request)
    {
        var filterType = request.QueryValue("filterType");
        if (string.IsNullOrEmpty(filterType))
        {
            return MarketoAnswers.Failure("701", "filterType cannot be blank");
        }

        if (!Searchable.Contains(filterType, StringComparer.Ordinal))
        {
            return MarketoAnswers.Failure("1003", $"Invalid filterType '{filterType}'");
        }

        var values = (request.QueryValue("filterValues") ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries);
        if (values.Length == 0)
        {
            return MarketoAnswers.Failure("701", "filterValues cannot be blank");
        }

        if (values.Length > MaxBatch)
        {
            return MarketoAnswers.Failure("1003", $"Too many filterValues, at most {MaxBatch} allowed");
        }

        var fields = request.QueryValue("fields") is { Length: > 0 } asked
            ? asked.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : DefaultFields;
        if (fields.FirstOrDefault(f => !_fields.Contains(f)) is { } unknown)
        {
            return MarketoAnswers.Failure("1006", $"Field '{unknown}' not found");
        }

        // Marketo always returns the id, asked for or not.
        var returned = fields.Prepend("id").Distinct(StringComparer.Ordinal).ToList();
        var rows = _rows
            .Where(r => values.Any(v => Matches(r, filterType, v)))
            .Select(r => returned.ToDictionary(f => f, r.GetValueOrDefault, StringComparer.Ordinal))
            .ToList();
        return MarketoAnswers.Success(rows);
    }

    public FakeResponse Upsert(FakeRequest request)
    {
        if (!(request.Header("Content-Type") ?? "").StartsWith("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return MarketoAnswers.Failure("612", "Invalid Content Type");
        }

        JsonNode? body;
        try
        {
            body = request.Json();
        }
        catch (JsonException)
        {
            return MarketoAnswers.Failure("609", "Invalid JSON");
        }

        var action = body?["action"]?.GetValue<string>() ?? "createOrUpdate";
        var lookupField = body?["lookupField"]?.GetValue<string>() ?? "email";
        if (!Actions.Contains(action, StringComparer.Ordinal))
        {
            return MarketoAnswers.Failure("1003", $"Invalid action '{action}'");
        }

        if (!Searchable.Contains(lookupField, StringComparer.Ordinal))
        {
            return MarketoAnswers.Failure("1003", $"Invalid lookupField '{lookupField}'");
        }

        if (body?["input"] is not JsonArray { Count: > 0 } input)
        {
            return MarketoAnswers.Failure("701", "input cannot be blank");
        }

        if (input.Count > MaxBatch)
        {
            return MarketoAnswers.Failure("1003", $"Too many records in input, at most {MaxBatch} allowed");
        }

        return MarketoAnswers.Success(
            input.Select(record => Write(record as JsonObject ?? [], action, lookupField)).ToList()
        );
    }

    private object Write(JsonObject record, string action, string lookupField)
    {
        if (record.Select(p => p.Key).FirstOrDefault(k => !_fields.Contains(k)) is { } unknown)
        {
            return Skipped("1006", $"Field '{unknown}' not found");
        }

        var key = record[lookupField]?.ToString();
        if (string.IsNullOrEmpty(key))
        {
            return Skipped("1003", $"Value for lookup field '{lookupField}' not specified");
        }

        var matches = action == "createDuplicate" ? [] : _rows.Where(r => Matches(r, lookupField, key)).ToList();
        if (matches.Count > 1)
        {
            return Skipped("1007", "Multiple lead match lookup criteria");
        }

        var existing = matches.SingleOrDefault();
        switch (action, existing)
        {
            case ("createOnly", not null):
                return Skipped("1005", "Lead already exists");
            case ("updateOnly", null):
                return Skipped("1004", "Lead not found");
            case (_, { } lead):
                Assign(lead, record);
                return new { id = lead["id"], status = "updated" };
            default:
                var now = MarketoAnswers.Stamp(time.GetUtcNow());
                var created = new Dictionary<string, object?>(StringComparer.Ordinal)
                {
                    ["id"] = ++_nextId,
                    ["createdAt"] = now,
                };
                Assign(created, record);
                _rows.Add(created);
                return new { id = created["id"], status = "created" };
        }
    }

    private void Assign(Dictionary<string, object?> lead, JsonObject record)
    {
        foreach (var (name, value) in record.Where(p => !ReadOnly.Contains(p.Key)))
        {
            lead[name] = value switch
            {
                JsonValue v when v.GetValueKind() == JsonValueKind.Number => v.GetValue<decimal>(),
                JsonValue v when v.GetValueKind() is JsonValueKind.True or JsonValueKind.False => v.GetValue<bool>(),
                null => null,
                _ => value.ToString(),
            };
        }

        lead["updatedAt"] = MarketoAnswers.Stamp(time.GetUtcNow());
    }

    private static object Skipped(string code, string message) =>
        new { status = "skipped", reasons = new[] { new { code, message } } };

    private static bool Matches(Dictionary<string, object?> row, string field, string value) =>
        field == "email"
            ? EmailOf(row).Equals(value, StringComparison.OrdinalIgnoreCase)
            : Convert.ToString(row.GetValueOrDefault(field), CultureInfo.InvariantCulture) == value;

    private static string EmailOf(Dictionary<string, object?> row) => row.GetValueOrDefault("email") as string ?? "";
}
