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
}

public enum SandboxMode
{
    Auto,
    Off,
}
