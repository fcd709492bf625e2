namespace IntegrationHub.Connectors.Marketo.Fake;

/// <summary>
/// The response-level codes with which Marketo says it could not run a request at all, through no fault of the
/// caller: each comes in an HTTP 200 with success:false, and a retry later may pass.
/// </summary>
public enum MarketoTrouble
{
    /// <summary>604 "Request timed out": the request ran too long (database contention, for one).</summary>
    Timeout = 604,

    /// <summary>608 "API Temporarily Unavailable": what Marketo answers during an outage or maintenance.</summary>
    TemporarilyUnavailable = 608,

    /// <summary>611 "System error": an unhandled failure inside Marketo.</summary>
    SystemError = 611,
}
