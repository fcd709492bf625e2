using IntegrationHub.Sdk.Capabilities.Sequencing;
using C = IntegrationHub.Contracts.Sequencing.V1;

namespace IntegrationHub.Server.Capabilities.Sequencing;

/// <summary>Sequencing records ↔ the sequencing contract, both ways.</summary>
public static class SequencingMapping
{
    public static C.Rep? ToContract(this SequencingRep? r) =>
        r is null
            ? null
            : new C.Rep
            {
                Id = r.Id,
                Email = r.Email,
                Name = r.Name,
            };

    public static SequencingRep? ToDomain(this C.Rep? r) => r is null ? null : new SequencingRep(r.Id, r.Email, r.Name);

    public static C.SequenceState ToContract(this SequenceState s) =>
        new()
        {
            Id = s.Id,
            SequenceId = s.SequenceId,
            SequenceName = s.SequenceName,
            State = (C.SequenceStateKind)(int)s.State,
            Rep = s.Rep.ToContract(),
            StateChangeTime = s.StateChangedAt.ToTimestamp(),
            ReplyCount = s.ReplyCount,
        };

    public static SequenceState ToDomain(this C.SequenceState s) =>
        new(
            s.Id,
            s.SequenceId,
            s.SequenceName,
            Enum.IsDefined((SequenceStateKind)(int)s.State)
                ? (SequenceStateKind)(int)s.State
                : SequenceStateKind.Unspecified,
            s.Rep.ToDomain(),
            s.StateChangeTime.OrNullTime(),
            s.ReplyCount
        );

    public static C.Prospect ToContract(this Prospect p)
    {
        var c = new C.Prospect
        {
            Id = p.Id,
            FirstName = p.FirstName,
            LastName = p.LastName,
            Title = p.Title,
            Company = p.Company,
            Owner = p.Owner.ToContract(),
        };
        c.Emails.AddRange(p.Emails);
        c.SequenceStates.AddRange(p.SequenceStates.Select(s => s.ToContract()));
        return c;
    }

    public static Prospect ToDomain(this C.Prospect p) =>
        new(
            p.Id,
            [.. p.Emails],
            p.FirstName,
            p.LastName,
            p.Title,
            p.Company,
            p.Owner.ToDomain(),
            [.. p.SequenceStates.Select(s => s.ToDomain())]
        );
}
