namespace IntegrationHub.Sdk.TestKit.Conformance;

/// <summary>How the vendor behind a connector under test behaves.</summary>
public enum VendorCondition
{
    /// <summary>The fake answers normally.</summary>
    Healthy,

    /// <summary>Every call fails at the vendor (5xx or a refused connection) for the whole test.</summary>
    Down,
}
