using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using System.Xml.Linq;
using IntegrationHub.Connectors.Salesforce.Fake;

namespace IntegrationHub.Connectors.Salesforce.Tests;

/// <summary>
/// Plain HTTP to the fake, as any Salesforce client would send it: for what the fake must refuse that the
/// connector never sends.
/// </summary>
public sealed class SalesforceRest(SalesforceFake fake) : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = fake.BaseUrl };
    private string? _token;

    public async Task<(int Status, JsonNode? Body)> SendAsync(string method, string path, object? body = null)
    {
        _token ??= (await TokenAsync())!;
        using var request = new HttpRequestMessage(new HttpMethod(method), "services/data/v60.0/" + path);
        request.Headers.TryAddWithoutValidation("Authorization", "Bearer " + _token);
        if (body is not null)
        {
            request.Content = JsonContent.Create(body);
        }

        using var response = await _http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return ((int)response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    /// <summary>A SOAP API call (partner WSDL) with the session in the SessionHeader; the raw XML answer.</summary>
    public async Task<(int Status, XElement Body)> SoapAsync(string call)
    {
        _token ??= (await TokenAsync())!;
        using var content = new StringContent(
            "<soapenv:Envelope xmlns:soapenv=\"http://schemas.xmlsoap.org/soap/envelope/\" "
                + "xmlns:urn=\"urn:partner.soap.sforce.com\"><soapenv:Header><urn:SessionHeader><urn:sessionId>"
                + _token
                + "</urn:sessionId></urn:SessionHeader></soapenv:Header><soapenv:Body>"
                + call
                + "</soapenv:Body></soapenv:Envelope>",
            Encoding.UTF8,
            "text/xml"
        );
        using var response = await _http.PostAsync("services/Soap/u/60.0", content);
        return ((int)response.StatusCode, XElement.Parse(await response.Content.ReadAsStringAsync()));
    }

    /// <summary>The text of the first element with this local name, or null.</summary>
    public static string? Xml(XElement root, string localName) =>
        root.Descendants().FirstOrDefault(e => e.Name.LocalName == localName) is { } e
        && e.Attributes().All(a => a.Name.LocalName != "nil")
            ? e.Value
            : null;

    public Task<(int Status, JsonNode? Body)> QueryAsync(string soql) =>
        SendAsync("GET", "query?q=" + Uri.EscapeDataString(soql));

    /// <summary>The errorCode of a Salesforce error array (asserting the body is one).</summary>
    public static string ErrorCode(JsonNode? body) =>
        Assert.IsType<JsonArray>(body)[0]!["errorCode"]!.GetValue<string>();

    public void Dispose() => _http.Dispose();

    private async Task<string?> TokenAsync()
    {
        using var form = new StringContent(
            $"grant_type=client_credentials&client_id={SalesforceFake.ClientId}"
                + $"&client_secret={SalesforceFake.ClientSecret}",
            Encoding.UTF8,
            "application/x-www-form-urlencoded"
        );
        using var response = await _http.PostAsync("services/oauth2/token", form);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())?["access_token"]?.GetValue<string>();
    }
}
