using IntegrationHub.Sdk.Errors;
using Polly.CircuitBreaker;
using Polly.Timeout;

namespace IntegrationHub.Sdk.Http;

/// <summary>
/// Sends a request to a vendor through the resilient client and turns transport failures —
/// a refused connection, an attempt or total timeout, an open circuit — into
/// <see cref="ConnectorErrorKind.VendorUnavailable"/>, while the caller's own cancellation
/// stays a cancellation.
/// </summary>
public static class VendorHttp
{
    /// <summary>
    /// Sends <paramref name="request"/>; transport failures become <see cref="ConnectorErrorKind.VendorUnavailable"/>.
    /// </summary>
    public static async Task<HttpResponseMessage> SendAsync(
        HttpClient client,
        HttpRequestMessage request,
        string vendor,
        CancellationToken cancellationToken
    )
    {
        try
        {
            return await client.SendAsync(request, HttpCompletionOption.ResponseContentRead, cancellationToken);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (BrokenCircuitException ex)
        {
            throw new ConnectorException(
                ConnectorErrorKind.VendorUnavailable,
                $"{vendor} is failing; calls are paused for a while (circuit open).",
                ex
            )
            {
                Vendor = vendor,
                Reason = "VENDOR_CIRCUIT_OPEN",
                RetryAfter = ex.RetryAfter,
            };
        }
        catch (TimeoutRejectedException ex)
        {
            throw new ConnectorException(ConnectorErrorKind.VendorUnavailable, $"{vendor} did not answer in time.", ex)
            {
                Vendor = vendor,
                Reason = "VENDOR_TIMEOUT",
            };
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException or IOException)
        {
            throw new ConnectorException(ConnectorErrorKind.VendorUnavailable, $"{vendor} could not be reached.", ex)
            {
                Vendor = vendor,
                Reason = "VENDOR_UNREACHABLE",
            };
        }
    }

    /// <summary>The response body, or an empty string.</summary>
    public static async Task<string> BodyAsync(HttpResponseMessage response, CancellationToken cancellationToken) =>
        response.Content is null ? "" : await response.Content.ReadAsStringAsync(cancellationToken);
}
