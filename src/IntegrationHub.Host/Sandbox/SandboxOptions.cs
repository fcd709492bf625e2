namespace IntegrationHub.Host.Sandbox;

/// <summary>Sandbox mode, bound from <c>Sandbox</c>.</summary>
public sealed class SandboxOptions
{
    public const string Section = "Sandbox";

    /// <summary>
    /// Auto (default): a chosen connector with no credentials runs against its in-process
    /// fake. Off: never start fakes; a connector without credentials fails the start.
    /// </summary>
    public SandboxMode Mode { get; set; } = SandboxMode.Auto;

    /// <summary>The demo data the fakes are seeded from; relative to the hub's content root.</summary>
    public string SeedFile { get; set; } = "sandbox/demo-seed.json";

    /// <summary>
    /// Documented (default): each fake throttles at its vendor's documented limits. Unlimited: no rate or daily
    /// limits, for load runs through the sandbox (a demo stays far below the documented ones).
    /// </summary>
    public SandboxVendorLimits VendorLimits { get; set; } = SandboxVendorLimits.Documented;

    /// <summary>
    /// On (default): in sandbox mode every rep counts as inside working hours, and a rep with no presence set starts
    /// available, so the demo routes to a human at any hour. Off: the policy's real hours, reps offline until set.
    /// Outside sandbox mode it has no effect.
    /// </summary>
    public bool DemoHours { get; set; } = true;
}

public enum SandboxVendorLimits
{
    Documented,
    Unlimited,
}

public enum SandboxMode
{
    Auto,
    Off,
}
