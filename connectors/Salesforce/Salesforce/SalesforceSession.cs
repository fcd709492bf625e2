using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using IntegrationHub.Sdk.Errors;
using IntegrationHub.Sdk.Http;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Connectors.Salesforce;

/// <summary>
/// The connector's session with the org: client-credentials token and instance URL (the
/// token has no stated lifetime, so it is kept until Salesforce answers INVALID_SESSION_ID,
/// then fetched again once), and REST calls that carry it.
/// </summary>
public sealed class SalesforceSession(
    IHttpClientFactory clients,
    IOptions<SalesforceOptions> options,
    TimeProvider time
)
{
    private readonly AccessTokenCache _tokens = new(time);
    private volatile Uri? _instance;

    public int TokenFetches => _tokens.Fetches;

    public string DataPath => $"services/data/{options.Value.ApiVersion}/";

    /// <summary>
    /// Sends a REST request (relative to the data path, or a nextRecordsUrl), re-authenticating once on an expired
    /// session.
    /// </summary>
    public Task<(HttpStatusCode Status, string Body)> SendAsync(
        HttpMethod method,
        string path,
        JsonNode? body,
        CancellationToken cancellationToken
    ) =>
        _tokens.SendAsync(
            FetchTokenAsync,
            clients.CreateClient(SalesforceConnector.Name),
            SalesforceConnector.Name,
            token => Request(method, path, body, token),
            rejectsToken: (response, text) =>
                response.StatusCode == HttpStatusCode.Unauthorized
                && SalesforceErrors.Read(text).Code == SalesforceErrors.InvalidSession,
            answer: (response, text) => (response.StatusCode, text),
            cancellationToken
        );

    /// <summary>
    /// Sends a SOAP API call (partner WSDL) with the access token as the SessionHeader's sessionId; a fault
    /// INVALID_SESSION_ID (HTTP 500) renews the token once, as a REST 401 does.
    /// </summary>
    public Task<(HttpStatusCode Status, string Body)> SendSoapAsync(
        XElement call,
        CancellationToken cancellationToken
    ) =>
        _tokens.SendAsync(
            FetchTokenAsync,
            clients.CreateClient(SalesforceConnector.Name),
            SalesforceConnector.Name,
            token =>
            {
                var request = new HttpRequestMessage(
                    HttpMethod.Post,
                    new Uri(_instance!, $"services/Soap/u/{options.Value.ApiVersion.TrimStart('v')}")
                )
                {
                    Content = new StringContent(SalesforceSoap.Envelope(token, call), Encoding.UTF8, "text/xml"),
                };
                request.Headers.TryAddWithoutValidation("SOAPAction", "\"\"");
                return request;
            },
            rejectsToken: (response, text) =>
                response.StatusCode == HttpStatusCode.InternalServerError
                && SalesforceSoap.FaultCode(text) == SalesforceErrors.InvalidSession,
            answer: (response, text) => (response.StatusCode, text),
            cancellationToken
        );

    /// <summary>A request on the instance the token was issued for (known once a token was fetched).</summary>
    private HttpRequestMessage Request(HttpMethod method, string path, JsonNode? body, string token)
    {
        var target = path.StartsWith('/') ? new Uri(_instance!, path) : new Uri(_instance!, DataPath + path);
        var request = new HttpRequestMessage(method, target);
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + token);
        if (body is not null)
        {
            request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
        }

        return request;
    }

    private async Task<AccessToken> FetchTokenAsync(CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "services/oauth2/token")
        {
            Content = new FormUrlEncodedContent(
                new Dictionary<string, string>
                {
                    ["grant_type"] = "client_credentials",
                    ["client_id"] = options.Value.ClientId ?? "",
                    ["client_secret"] = options.Value.ClientSecret ?? "",
                }
            ),
        };
        using var response = await VendorHttp.SendAsync(
            clients.CreateClient(SalesforceConnector.Name),
            request,
            SalesforceConnector.Name,
            cancellationToken
        );
        var text = await VendorHttp.BodyAsync(response, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            throw (int)response.StatusCode >= 500
                ? SalesforceErrors.From(response.StatusCode, text)
                : SalesforceErrors.FromOAuth(text);
        }

        var node = VendorJson.Parse(text, SalesforceConnector.Name);
        var instance = node?["instance_url"]?.GetValue<string>();
        var token = node?["access_token"]?.GetValue<string>();
        if (
            token is null
            || instance is null
            || !Uri.TryCreate(instance.TrimEnd('/') + "/", UriKind.Absolute, out var instanceUri)
        )
        {
            throw new ConnectorException(
                ConnectorErrorKind.VendorProtocol,
                "Salesforce's token response lacks access_token or instance_url."
            )
            {
                Vendor = SalesforceConnector.Name,
            };
        }

        _instance = instanceUri;
        return new AccessToken(token, Lifetime: null);
    }
}
