namespace IntegrationHub.Sdk.FakeKit;

/// <summary>
/// A failure a test puts a fake in until it is lifted (<see cref="VendorFake.CurrentTrouble"/>), each answered in the
/// vendor's own shape by the fake's override of the matching hook.
/// </summary>
public enum FakeTrouble
{
    /// <summary>The vendor answers as it does on a good day.</summary>
    None,

    /// <summary>A quota (daily calls, credits) is spent: <c>QuotaSpent</c> answers every call.</summary>
    QuotaSpent,

    /// <summary>The vendor refuses the caller's credentials or token: <c>CredentialsRefused</c> answers.</summary>
    CredentialsRefused,

    /// <summary>The vendor answers 200 with a body that cannot be read: <c>Malformed</c> spoils each answer.</summary>
    MalformedBody,

    /// <summary>The vendor refuses the request as bad (a 400 in its shape): <c>RequestRefused</c> answers.</summary>
    RequestRefused,
}
