using IntegrationHub.Sdk.Capabilities.Crm;

namespace PartnerName.Connector.Fake;

/// <summary>
/// The demo world the fake answers with in a sandbox hub and in the tests: two users, two accounts and their people.
/// Times are relative to the moment the world is seeded, so the demo never grows stale.
/// </summary>
public sealed record PartnerNameSandboxSeed(
    IReadOnlyList<CrmUser> Users,
    IReadOnlyList<Account> Accounts,
    IReadOnlyList<Person> People
)
{
    /// <summary>The demo world as seeded at <paramref name="now"/>.</summary>
    public static PartnerNameSandboxSeed At(DateTimeOffset now) =>
        new(
            [
                new("U-100", "Mia Kowalski", "mia.kowalski@partnername.example", null),
                new("U-200", "Tane Rangi", "tane.rangi@partnername.example", "U-100"),
            ],
            [
                new()
                {
                    Id = "A-1",
                    Name = "Kiwi Orchard Analytics",
                    Domain = "kiwi-orchard.example",
                    BdrProspectingStatus = BdrProspectingStatus.ActivelyWorking,
                    BdrAssignedUserId = "U-200",
                    OwnerUserId = "U-100",
                    Type = AccountType.Customer,
                    Segment = AccountSegment.MidMarket,
                    TotalCarrCents = 12_000_000,
                    UltimateParentId = "A-1",
                    CountryCode = "NZ",
                    Description = "Orchard yield forecasting",
                    PaidTier = true,
                    LastActivityAt = now.AddDays(-3),
                },
                new()
                {
                    Id = "A-2",
                    Name = "Fjord Freight",
                    Domain = "fjord-freight.example",
                    BdrProspectingStatus = BdrProspectingStatus.Queued,
                    Type = AccountType.Prospect,
                    Segment = AccountSegment.Large,
                    UltimateParentId = "A-2",
                    CountryCode = "NO",
                },
            ],
            [
                new()
                {
                    Id = "P-1",
                    Kind = PersonKind.Contact,
                    Email = "aroha.ngata@kiwi-orchard.example",
                    FirstName = "Aroha",
                    LastName = "Ngata",
                    Company = "Kiwi Orchard Analytics",
                    Title = "Head of Data",
                    Phone = "+64 4 555 0100",
                    CountryCode = "NZ",
                    OwnerUserId = "U-100",
                    AccountId = "A-1",
                    LastActivityAt = now.AddDays(-3),
                },
                new()
                {
                    Id = "P-2",
                    Kind = PersonKind.Lead,
                    Email = "ingrid.berg@fjord-freight.example",
                    FirstName = "Ingrid",
                    LastName = "Berg",
                    Company = "Fjord Freight",
                    Title = "COO",
                    CountryCode = "NO",
                    Status = LeadStatus.Mql,
                    OwnerUserId = "U-200",
                    MqlAt = now.AddDays(-1),
                    LeadScore = 72,
                },
            ]
        );
}
