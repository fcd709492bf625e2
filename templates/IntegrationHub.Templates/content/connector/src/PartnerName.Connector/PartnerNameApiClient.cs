using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using IntegrationHub.Sdk.Errors;
using IntegrationHub.Sdk.Http;
using Microsoft.Extensions.Options;

namespace PartnerName.Connector;

/// <summary>
/// One call to the PartnerName API: the key in <c>X-Api-Key</c>, JSON both ways (camelCase, enums as strings), the
/// SDK's vendor HTTP (resilience, timeouts and cancellation mapped to error kinds), and any status other than the
/// ones the caller reads turned into the documented error kind.
/// </summary>
internal sealed class PartnerNameApiClient(IHttpClientFactory clients, IOptions<PartnerNameOptions> options)
{
    private static readonly JsonSerializerOptions Wire = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
    };

    /// <summary>
    /// Sends the request and returns the status and body when the status is one of <paramref name="read"/>; throws
    /// the error kind for any other (<paramref name="field"/> names the request field a 400 is blamed on).
    /// </summary>
    public async Task<(HttpStatusCode Status, string Body)> SendAsync(
        HttpMethod method,
        string path,
        object? body,
        string field,
        CancellationToken cancellationToken,
        params HttpStatusCode[] read
    )
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.TryAddWithoutValidation("X-Api-Key", options.Value.ApiKey);
        if (body is not null)
        {
            request.Content = new StringContent(
                JsonSerializer.Serialize(body, body.GetType(), Wire),
                Encoding.UTF8,
                "application/json"
            );
        }

        using var response = await VendorHttp.SendAsync(
            clients.CreateClient(PartnerNameConnector.Name),
            request,
            PartnerNameConnector.Name,
            cancellationToken
        );
        var text = await VendorHttp.BodyAsync(response, cancellationToken);
        return read.Contains(response.StatusCode)
            ? (response.StatusCode, text)
            : throw PartnerNameErrors.From(response, text, field);
    }

    /// <summary>A body the vendor documents, or <see cref="ConnectorErrorKind.VendorProtocol"/>.</summary>
    public static T Parse<T>(string body)
        where T : class
    {
        try
        {
            return JsonSerializer.Deserialize<T>(body, Wire) ?? throw new JsonException("null body");
        }
        catch (JsonException e)
        {
            throw Unreadable(e);
        }
    }

    /// <summary>A body the vendor sent that is not the shape it documents.</summary>
    public static ConnectorException Unreadable(Exception? inner = null) =>
        new(ConnectorErrorKind.VendorProtocol, "PartnerName sent a body it documents no shape for.", inner)
        {
            Vendor = PartnerNameConnector.Name,
        };
}
