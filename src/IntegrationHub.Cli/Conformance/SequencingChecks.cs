using IntegrationHub.Contracts.Sequencing.V1;

namespace IntegrationHub.Cli.Conformance;

/// <summary>The sequencing contract's probe: a prospect by the sample email (sequencing.v1 GetProspect).</summary>
internal static class SequencingChecks
{
    public const string Service = "integrationhub.sequencing.v1.SequencingService";

    public const string DefaultSample = "jane.doe@acme.com";

    public static CapabilityProbe Probe(RemoteUnderTest remote, string email)
    {
        var sequencing = new SequencingService.SequencingServiceClient(remote.Invoker);
        return new CapabilityProbe(
            $"GetProspect(email \"{email}\")",
            async options =>
            {
                var prospect = (await sequencing.GetProspectAsync(new() { Email = email }, options)).Prospect;
                return prospect is null || prospect.Id.Length == 0 ? "a prospect without its id"
                    : !prospect.Emails.Contains(email, StringComparer.OrdinalIgnoreCase)
                        ? $"asked for \"{email}\", answered a prospect with [{string.Join(", ", prospect.Emails)}]"
                    : null;
            },
            [
                new("email \"not-an-email\"", "email", o =>
                    sequencing.GetProspectAsync(new() { Email = "not-an-email" }, o).ResponseAsync
                ),
                new("an empty email", "email", o => sequencing.GetProspectAsync(new() { Email = "" }, o).ResponseAsync),
            ],
            "GetProspect(email \"nobody@no-such-company.example\")",
            o => sequencing.GetProspectAsync(new() { Email = "nobody@no-such-company.example" }, o).ResponseAsync
        );
    }
}
