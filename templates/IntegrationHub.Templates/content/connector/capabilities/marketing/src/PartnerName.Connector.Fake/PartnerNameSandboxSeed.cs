using IntegrationHub.Sdk.Capabilities.Marketing;

namespace PartnerName.Connector.Fake;

/// <summary>
/// The demo world the fake answers with in a sandbox hub and in the tests: three programs (two tagged
/// UsedWithQualified = True) and the engagement of two people. Times are relative to the moment of seeding.
/// </summary>
public sealed record PartnerNameSandboxSeed(
    IReadOnlyList<MarketingProgram> Programs,
    IReadOnlyList<PersonEngagement> Engagements
)
{
    private static readonly ProgramTag Qualified = new("UsedWithQualified", "True");

    /// <summary>The demo world as seeded at <paramref name="now"/>.</summary>
    public static PartnerNameSandboxSeed At(DateTimeOffset now) =>
        new(
            [
                new(
                    "1042",
                    "Orchard Data Webinar",
                    "Webinar",
                    "event",
                    "https://partnername.example/p/1042",
                    [Qualified, new("Region", "APAC")],
                    now.AddDays(-10)
                ),
                new(
                    "977",
                    "Freight Forward Newsletter",
                    "Email",
                    "email",
                    "https://partnername.example/p/977",
                    [new("Region", "EMEA")],
                    now.AddDays(-30)
                ),
                new(
                    "3001",
                    "Pricing Page Demo Request",
                    "Web",
                    "form",
                    "https://partnername.example/p/3001",
                    [Qualified],
                    null
                ),
            ],
            [
                new(
                    "L-11",
                    "aroha.ngata@kiwi-orchard.example",
                    88,
                    "Watched the Orchard Data Webinar",
                    now.AddHours(-5)
                ),
                new("L-12", "ingrid.berg@fjord-freight.example", 35, "", null),
            ]
        );
}
