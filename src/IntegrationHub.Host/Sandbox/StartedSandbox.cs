using IntegrationHub.Sdk.Sandbox;

namespace IntegrationHub.Host.Sandbox;

/// <summary>
/// The fakes started for sandbox mode (none outside it), the seed they are waiting for, and whether demo hours are on
/// (never outside sandbox mode).
/// </summary>
internal sealed record StartedSandbox(IReadOnlyList<ISandboxVendor> Vendors, SandboxSeed Seed, bool DemoHours = false);
