using IntegrationHub.Sdk.FakeKit;

namespace IntegrationHub.Connectors.Salesforce.Fake;

/// <summary>
/// Salesforce's error shapes: every REST error is a JSON array of {message, errorCode, fields}, an outage included,
/// and the only throttling Salesforce does on the REST API is the org's request limit (403 REQUEST_LIMIT_EXCEEDED).
/// </summary>
public sealed partial class SalesforceFake
{
    /// <summary>
    /// Ends the org's allowance now: the next <paramref name="count"/> calls get Salesforce's throttling answer. The
    /// wait is not in the answer, because Salesforce sends no retry signal (see <see cref="Throttled"/>).
    /// </summary>
    public void ThrottleNext(int count, TimeSpan retryAfter) => FailNext(count, Throttled(retryAfter));

    /// <summary>
    /// What an instance answers while it is down or overloaded: 503 with the REST error array and
    /// SERVER_UNAVAILABLE, the code client libraries handle (restforce "SERVER_UNAVAILABLE: Server too busy").
    /// </summary>
    protected override FakeResponse Outage() =>
        Error(503, "SERVER_UNAVAILABLE", "Server temporarily unavailable. Please try again later.");

    /// <summary>
    /// Salesforce throttles by the rolling 24-hour request limit only: 403 REQUEST_LIMIT_EXCEEDED, never 429, with
    /// no Retry-After (VENDOR_APIS.md §2.5). <paramref name="retryAfter"/> has no place in that answer; the only
    /// signal is Sforce-Limit-Info showing the allowance used up, so a client reports the quota rather than waits.
    /// </summary>
    protected override FakeResponse Throttled(TimeSpan retryAfter) =>
        Error(403, "REQUEST_LIMIT_EXCEEDED", "TotalRequests Limit exceeded.")
            .WithHeader("Sforce-Limit-Info", Usage(DailyApiLimit));

    /// <summary>A spent org allowance is Salesforce's only quota, and the same answer as its throttling.</summary>
    protected override FakeResponse QuotaSpent(FakeRequest request) => Throttled(TimeSpan.FromHours(24));

    /// <summary>
    /// The token endpoint refuses the connected app's secret with OAuth's 400 invalid_client; the REST API a
    /// session it no longer knows with 401 INVALID_SESSION_ID.
    /// </summary>
    protected override FakeResponse CredentialsRefused(FakeRequest request) =>
        request.Is("POST", "/services/oauth2/token")
            ? FakeResponse.Json(400, new { error = "invalid_client", error_description = "invalid client credentials" })
            : Error(401, "INVALID_SESSION_ID", "Session expired or invalid");

    /// <summary>A SOQL query Salesforce cannot parse: 400 MALFORMED_QUERY in its error array.</summary>
    protected override FakeResponse RequestRefused(FakeRequest request) =>
        Error(400, "MALFORMED_QUERY", "unexpected token: 'FROM'");

    private string Usage(int used) => $"api-usage={Math.Min(used, DailyApiLimit)}/{DailyApiLimit}";

    private static FakeResponse Error(int status, string code, string message, params string[] fields) =>
        FakeResponse.Json(
            status,
            new[]
            {
                new
                {
                    message,
                    errorCode = code,
                    fields,
                },
            }
        );
}
