using IntegrationHub.Contracts.Marketing.V1;

namespace IntegrationHub.Cli.Conformance;

/// <summary>The marketing contract's probe: a person's engagement by the sample email (GetPersonEngagement).</summary>
internal static class MarketingChecks
{
    public const string Service = "integrationhub.marketing.v1.MarketingService";

    public const string DefaultSample = "jane.doe@acme.com";

    public static CapabilityProbe Probe(RemoteUnderTest remote, string email)
    {
        var marketing = new MarketingService.MarketingServiceClient(remote.Invoker);
        return new CapabilityProbe(
            $"GetPersonEngagement(email \"{email}\")",
            async options =>
            {
                var engagement = (
                    await marketing.GetPersonEngagementAsync(new() { Email = email }, options)
                ).Engagement;
                return engagement is null || !string.Equals(engagement.Email, email, StringComparison.OrdinalIgnoreCase)
                        ? $"asked for \"{email}\", answered the engagement of \"{engagement?.Email}\""
                    : engagement.LeadScore < 0 ? $"lead_score {engagement.LeadScore}: a score is 0 or more"
                    : null;
            },
            [
                new("email \"not-an-email\"", "email", o =>
                    marketing.GetPersonEngagementAsync(new() { Email = "not-an-email" }, o).ResponseAsync
                ),
                new("an empty tag_type", "tag_type", o =>
                    marketing.ListProgramsByTagAsync(new() { TagValue = "True" }, o).ResponseAsync
                ),
            ],
            "GetPersonEngagement(email \"nobody@no-such-company.example\")",
            o => marketing.GetPersonEngagementAsync(new() { Email = "nobody@no-such-company.example" }, o).ResponseAsync
        );
    }
}
