using IntegrationHub.Sdk.Capabilities.Sequencing;

namespace PartnerName.Connector.Fake;

/// <summary>
/// The demo world the fake answers with in a sandbox hub and in the tests: two reps, two prospects in sequences, a
/// click-through token from a sequence email, and a sequence and mailbox to enrol with. Times are relative to the
/// moment of seeding.
/// </summary>
public sealed record PartnerNameSandboxSeed(
    IReadOnlyList<SequencingRep> Reps,
    IReadOnlyList<Prospect> Prospects,
    IReadOnlyList<SeedClick> ClickThroughs,
    (string SequenceId, string MailboxId) Enrolment
)
{
    /// <summary>The demo world as seeded at <paramref name="now"/>.</summary>
    public static PartnerNameSandboxSeed At(DateTimeOffset now)
    {
        SequencingRep mia = new("41", "mia.kowalski@partnername.example", "Mia Kowalski");
        SequencingRep tane = new("42", "tane.rangi@partnername.example", "Tane Rangi");
        return new(
            [mia, tane],
            [
                new(
                    "7001",
                    ["aroha.ngata@kiwi-orchard.example"],
                    "Aroha",
                    "Ngata",
                    "Head of Data",
                    "Kiwi Orchard Analytics",
                    mia,
                    [
                        new("9001", "301", "Orchard outbound", SequenceStateKind.Active, mia, now.AddDays(-2), 1),
                        new("9002", "302", "Webinar follow-up", SequenceStateKind.Finished, tane, now.AddDays(-20), 0),
                    ]
                ),
                new(
                    "7002",
                    ["ingrid.berg@fjord-freight.example"],
                    "Ingrid",
                    "Berg",
                    "COO",
                    "Fjord Freight",
                    tane,
                    [new("9003", "303", "Freight outbound", SequenceStateKind.Paused, tane, now.AddDays(-4), 0)]
                ),
            ],
            [new("ct-kiwi-aroha", "7001", "301", mia, now.AddHours(-1))],
            ("302", "51")
        );
    }
}

/// <summary>A click-through token from a sequence email: whose, from which sequence and owner, and when.</summary>
public sealed record SeedClick(
    string Token,
    string ProspectId,
    string SequenceId,
    SequencingRep SequenceOwner,
    DateTimeOffset? ClickedAt
);
