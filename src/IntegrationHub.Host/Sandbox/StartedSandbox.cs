using IntegrationHub.Sdk.Sandbox;

namespace IntegrationHub.Host.Sandbox;

/// <summary>The fakes started for sandbox mode (none outside it) and the seed they are waiting for.</summary>
internal sealed record StartedSandbox(IReadOnlyList<ISandboxVendor> Vendors, SandboxSeed Seed);
