namespace IntegrationHub.Sdk.Sandbox;

/// <summary>
/// A sandbox fake a user can put in a <see cref="VendorCondition"/> for a while, to rehearse what the hub does
/// when the vendor is down, slow, throttling or failing some calls. FakeKit's sandbox vendors all are; the hub
/// reaches them through this interface only, so its edge never sees a fake.
/// </summary>
public interface IRehearsableVendor : ISandboxVendor
{
    /// <summary>The condition now; a condition whose time is up reads as healthy.</summary>
    VendorConditionState Condition { get; }

    /// <summary>
    /// Puts the vendor in <paramref name="condition"/> for <paramref name="duration"/>, measured on the fake's
    /// clock, replacing any condition before it; healthy ends the one in force.
    /// </summary>
    VendorConditionState Impose(VendorCondition condition, TimeSpan duration);
}
