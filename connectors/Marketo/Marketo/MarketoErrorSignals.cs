using System.Net;

namespace IntegrationHub.Connectors.Marketo;

/// <summary>
/// Marketo reports throttling and outages inside HTTP 200 bodies, where no resilience
/// pipeline looks. This inner handler turns them into the HTTP signals the hub's pipeline
/// retries with back-off: 606 (over 100 calls in 20 s) and 615 (over 10 in flight) become
/// 429; 604, 608 and 611 (timeout, temporarily unavailable, system error) become 503.
/// The body is kept, so the connector still reads the code if retries run out.
/// </summary>
public sealed class MarketoErrorSignals : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(
        HttpRequestMessage request,
        CancellationToken cancellationToken
    )
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK || response.Content is null)
        {
            return response;
        }

        await response.Content.LoadIntoBufferAsync(cancellationToken);
        var body = MarketoBody.TryParse(await response.Content.ReadAsStringAsync(cancellationToken));
        response.StatusCode = body is { Success: false }
            ? body.ErrorCode switch
            {
                "606" or "615" => HttpStatusCode.TooManyRequests,
                "604" or "608" or "611" => HttpStatusCode.ServiceUnavailable,
                _ => response.StatusCode,
            }
            : response.StatusCode;
        return response;
    }
}
