using System.Net;
using IntegrationHub.Sdk.Capabilities.Sequencing;
using IntegrationHub.Sdk.Connectors;
using IntegrationHub.Sdk.Errors;
using Microsoft.Extensions.Options;

namespace PartnerName.Connector;

/// <summary>
/// Prospects, their sequence states, click-throughs and enrolments from the PartnerName sequencing API. The
/// vendor's records are the SDK's records as JSON, so reading one is a deserialisation; a real vendor's shape needs
/// a mapping of its own.
/// </summary>
[Connector(Name, typeof(PartnerNameOptions), Version = "0.1.0")]
public sealed class PartnerNameConnector(IHttpClientFactory clients, IOptions<PartnerNameOptions> options)
    : ISequencingConnector
{
    /// <summary>
    /// The connector's name: its configuration section and the value of Capabilities:Sequencing:Connector.
    /// </summary>
    public const string Name = "PartnerName";

    private readonly PartnerNameApiClient _api = new(clients, options);

    /// <inheritdoc />
    public async Task<Prospect?> GetProspectByEmailAsync(string email, CancellationToken cancellationToken)
    {
        var (_, body) = await _api.SendAsync(
            HttpMethod.Get,
            $"v1/prospects?email={Uri.EscapeDataString(email)}",
            null,
            "email",
            cancellationToken,
            HttpStatusCode.OK
        );
        return (
            PartnerNameApiClient.Parse<Page<Prospect>>(body).Records ?? throw PartnerNameApiClient.Unreadable()
        ).FirstOrDefault();
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<SequenceState>> ListSequenceStatesAsync(
        string prospectId,
        CancellationToken cancellationToken
    )
    {
        var (_, body) = await _api.SendAsync(
            HttpMethod.Get,
            $"v1/prospects/{Uri.EscapeDataString(prospectId)}/sequence-states",
            null,
            "prospect_id",
            cancellationToken,
            HttpStatusCode.OK
        );
        return PartnerNameApiClient.Parse<Page<SequenceState>>(body).Records ?? throw PartnerNameApiClient.Unreadable();
    }

    /// <inheritdoc />
    public async Task<ClickThrough?> ResolveClickThroughAsync(string token, CancellationToken cancellationToken)
    {
        var (status, body) = await _api.SendAsync(
            HttpMethod.Get,
            $"v1/click-throughs/{Uri.EscapeDataString(token)}",
            null,
            "token",
            cancellationToken,
            HttpStatusCode.OK,
            HttpStatusCode.NotFound
        );
        return status == HttpStatusCode.OK ? PartnerNameApiClient.Parse<ClickThrough>(body) : null;
    }

    /// <inheritdoc />
    public async Task<Enrollment> EnrollProspectAsync(EnrollmentRequest request, CancellationToken cancellationToken)
    {
        // The vendor keeps the idempotency key: a retried or redelivered enrolment answers the first one (200).
        var (status, body) = await _api.SendAsync(
            HttpMethod.Post,
            "v1/enrollments",
            request,
            "prospect_id",
            cancellationToken,
            HttpStatusCode.OK,
            HttpStatusCode.Created
        );
        return new Enrollment(PartnerNameApiClient.Parse<SequenceState>(body), status == HttpStatusCode.Created);
    }

    /// <inheritdoc />
    public async Task<int> FinishProspectSequencesAsync(string prospectId, CancellationToken cancellationToken)
    {
        var (_, body) = await _api.SendAsync(
            HttpMethod.Post,
            $"v1/prospects/{Uri.EscapeDataString(prospectId)}/finish",
            null,
            "prospect_id",
            cancellationToken,
            HttpStatusCode.OK
        );
        return PartnerNameApiClient.Parse<Finished>(body).Count;
    }

    /// <summary>The vendor's list answer: <c>{"records": [...]}</c>.</summary>
    private sealed record Page<T>(IReadOnlyList<T>? Records);

    private sealed record Finished(int Count);
}
