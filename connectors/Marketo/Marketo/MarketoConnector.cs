using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using IntegrationHub.Sdk.Capabilities.Marketing;
using IntegrationHub.Sdk.Connectors;
using IntegrationHub.Sdk.Errors;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Connectors.Marketo;

/// <summary>
/// Marketing automation over the Marketo REST API: programs by tag from the Asset API (paged by
/// offset, shuffled by Marketo, so sorted here) and a person's score and last interesting moment
/// from the Lead API.
/// </summary>
[Connector(Name, typeof(MarketoOptions), Version = "1.0.0")]
public sealed class MarketoConnector(MarketoApi api, IOptions<MarketoOptions> options) : IMarketingConnector
{
    public const string Name = "Marketo";

    public async Task<IReadOnlyList<MarketingProgram>> ListProgramsByTagAsync(
        string tagType,
        string tagValue,
        CancellationToken cancellationToken
    )
    {
        if (string.IsNullOrWhiteSpace(tagType) || string.IsNullOrWhiteSpace(tagValue))
        {
            throw ConnectorException.Invalid(
                new FieldViolation(string.IsNullOrWhiteSpace(tagType) ? "tag_type" : "tag_value", "is required")
            );
        }

        var size = options.Value.PageSize;
        var programs = new Dictionary<string, MarketingProgram>(StringComparer.Ordinal);
        for (var offset = 0; ; offset += size)
        {
            var page = await api.GetAsync(
                $"rest/asset/v1/program/byTag.json?tagType={Uri.EscapeDataString(tagType)}"
                    + $"&tagValue={Uri.EscapeDataString(tagValue)}&maxReturn={size}&offset={offset}",
                cancellationToken
            );
            foreach (var program in page.Result.OfType<JsonNode>().Select(Program))
            {
                programs[program.Id] = program;
            }

            if (page.Result.Count < size)
            {
                break;
            }
        }

        return
        [
            .. programs
                .Values.OrderBy(p => long.TryParse(p.Id, out var n) ? n : long.MaxValue)
                .ThenBy(p => p.Id, StringComparer.Ordinal),
        ];
    }

    public async Task<PersonEngagement?> GetPersonEngagementAsync(string email, CancellationToken cancellationToken)
    {
        var o = options.Value;
        var fields = string.Join(",", "id", "email", o.LeadScoreField, o.MomentField, o.MomentDateField);
        var page = await api.GetAsync(
            $"rest/v1/leads.json?filterType=email&filterValues={Uri.EscapeDataString(email)}&fields={fields}",
            cancellationToken
        );
        var lead = page.Result.OfType<JsonNode>().FirstOrDefault();
        return lead is null
            ? null
            : new PersonEngagement(
                Text(lead, "id"),
                Text(lead, "email"),
                int.TryParse(
                    Text(lead, o.LeadScoreField),
                    NumberStyles.Integer,
                    CultureInfo.InvariantCulture,
                    out var score
                )
                    ? score
                    : 0,
                Text(lead, o.MomentField),
                MarketoBody.Time(Text(lead, o.MomentDateField))
            );
    }

    private static MarketingProgram Program(JsonNode p) =>
        new(
            Text(p, "id"),
            Text(p, "name"),
            Text(p, "channel"),
            Text(p, "type"),
            Text(p, "url"),
            [
                .. (p["tags"] as JsonArray ?? [])
                    .OfType<JsonNode>()
                    .Select(t => new ProgramTag(Text(t, "tagType"), Text(t, "tagValue"))),
            ],
            MarketoBody.Time(Text(p, "updatedAt"))
        );

    private static string Text(JsonNode node, string name) =>
        node[name] switch
        {
            JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>(),
            JsonValue v when v.GetValueKind() == JsonValueKind.Number => v.ToJsonString(),
            _ => "",
        };
}
