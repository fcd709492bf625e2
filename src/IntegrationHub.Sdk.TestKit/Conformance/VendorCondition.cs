namespace IntegrationHub.Sdk.TestKit.Conformance;

/// <summary>
/// How the vendor behind a connector under test behaves. The suite puts the fake in the condition itself
/// (<see cref="ConnectorConformance{TConnector}.Vendor"/>); a partner's <c>CreateConnectorAsync</c> reads it only to
/// build the connector to suit (short timeouts for <see cref="Down"/> and <see cref="Slow"/>).
/// </summary>
public enum VendorCondition
{
    /// <summary>The fake answers normally.</summary>
    Healthy,

    /// <summary>Every call fails at the vendor (5xx or a refused connection) for the whole test.</summary>
    Down,

    /// <summary>The vendor takes every call and never answers: the connector's own deadline ends it.</summary>
    Slow,

    /// <summary>The vendor throttles every call (a 429 with its retry signal an hour away, its own shape).</summary>
    Throttled,

    /// <summary>A quota is spent (daily calls, credits), in the vendor's own shape.</summary>
    QuotaSpent,

    /// <summary>The vendor refuses the hub's credentials and every token.</summary>
    BadCredentials,

    /// <summary>The vendor answers 200 with a body that is cut short or not JSON.</summary>
    MalformedBody,

    /// <summary>The vendor refuses the request as bad (a 400 in its shape).</summary>
    RequestRefused,
}
