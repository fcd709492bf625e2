namespace IntegrationHub.Sdk.Webhooks;

/// <summary>One inbound webhook request as the vendor sent it: its headers and the exact bytes of its body.</summary>
public sealed class WebhookRequest
{
    private readonly Dictionary<string, string> _headers;

    /// <param name="headers">Names and values; a header sent several times is one entry, comma-joined.</param>
    /// <param name="body">The raw body: signatures are over these bytes, so it must not be re-encoded.</param>
    public WebhookRequest(IEnumerable<KeyValuePair<string, string>> headers, ReadOnlyMemory<byte> body)
    {
        // HTTP header names are case-insensitive, and proxies do change their case.
        _headers = new Dictionary<string, string>(headers, StringComparer.OrdinalIgnoreCase);
        Body = body;
    }

    /// <summary>The raw body, as signed by the vendor.</summary>
    public ReadOnlyMemory<byte> Body { get; }

    /// <summary>The value of a header, whatever the case of its name, or "" when it was not sent.</summary>
    public string Header(string name) => _headers.GetValueOrDefault(name, "");
}
