using System.Net;
using IntegrationHub.Sdk.Capabilities.Marketing;
using IntegrationHub.Sdk.Connectors;
using IntegrationHub.Sdk.Errors;
using Microsoft.Extensions.Options;

namespace PartnerName.Connector;

/// <summary>
/// Programs by tag and a person's engagement from the PartnerName marketing API. The vendor's records are the SDK's
/// records as JSON, so reading one is a deserialisation; a real vendor's shape needs a mapping of its own.
/// </summary>
[Connector(Name, typeof(PartnerNameOptions), Version = "0.1.0")]
public sealed class PartnerNameConnector(IHttpClientFactory clients, IOptions<PartnerNameOptions> options)
    : IMarketingConnector
{
    /// <summary>
    /// The connector's name: its configuration section and the value of Capabilities:Marketing:Connector.
    /// </summary>
    public const string Name = "PartnerName";

    private readonly PartnerNameApiClient _api = new(clients, options);

    /// <inheritdoc />
    public async Task<IReadOnlyList<MarketingProgram>> ListProgramsByTagAsync(
        string tagType,
        string tagValue,
        CancellationToken cancellationToken
    )
    {
        // Checked here, before the vendor is called: a blank tag would list every program.
        var blank = new[] { ("tag_type", tagType), ("tag_value", tagValue) }
            .Where(f => string.IsNullOrWhiteSpace(f.Item2))
            .Select(f => new FieldViolation(f.Item1, "is required"))
            .ToArray();
        if (blank.Length > 0)
        {
            throw ConnectorException.Invalid(blank);
        }

        var (_, body) = await _api.SendAsync(
            HttpMethod.Get,
            $"v1/programs?tagType={Uri.EscapeDataString(tagType)}&tagValue={Uri.EscapeDataString(tagValue)}",
            null,
            "tag_type",
            cancellationToken,
            HttpStatusCode.OK
        );
        var programs = PartnerNameApiClient.Parse<Page>(body).Records ?? throw PartnerNameApiClient.Unreadable();
        // The vendor lists programs in no documented order; callers get them in id order.
        return [.. programs.OrderBy(p => p.Id.Length).ThenBy(p => p.Id, StringComparer.Ordinal)];
    }

    /// <inheritdoc />
    public async Task<PersonEngagement?> GetPersonEngagementAsync(string email, CancellationToken cancellationToken)
    {
        var (status, body) = await _api.SendAsync(
            HttpMethod.Get,
            $"v1/engagement?email={Uri.EscapeDataString(email)}",
            null,
            "email",
            cancellationToken,
            HttpStatusCode.OK,
            HttpStatusCode.NotFound
        );
        return status == HttpStatusCode.OK ? PartnerNameApiClient.Parse<PersonEngagement>(body) : null;
    }

    /// <summary>The vendor's list answer: <c>{"records": [...]}</c>.</summary>
    private sealed record Page(IReadOnlyList<MarketingProgram>? Records);
}
