using IntegrationHub.Testing;

namespace IntegrationHub.Server.Tests.Startup;

/// <summary>
/// A default sandbox start warns only about what the user should know, that it is a sandbox: no framework warning a
/// newcomer cannot act on (HTTP/2 offered on a plain-text port, where it cannot be negotiated, was one).
/// </summary>
public sealed class CleanStartTests
{
    [Fact]
    public async Task A_default_sandbox_start_warns_only_that_it_is_a_sandbox()
    {
        // Demo hours as a user gets them (HubProcess turns them off for tests written for the policy's real hours).
        await using var hub = await HubProcess.StartAsync(
            new Dictionary<string, string?> { ["Sandbox:DemoHours"] = "true" }
        );

        var warnings = hub.Output.Split('\n').Where(l => l.StartsWith("warn: ", StringComparison.Ordinal)).ToList();

        Assert.Contains(warnings, w => w.StartsWith("warn: IntegrationHub.Sandbox[", StringComparison.Ordinal));
        Assert.All(warnings, w =>
            Assert.Matches(@"^warn: IntegrationHub\.(Sandbox|Server\.Security\.DevelopmentKey)\[", w)
        );
    }
}
