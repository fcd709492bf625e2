using IntegrationHub.Sdk.Capabilities.Marketing;
using C = IntegrationHub.Contracts.Marketing.V1;

namespace IntegrationHub.Server.Capabilities.Marketing;

/// <summary>Marketing records ↔ the marketing contract, both ways.</summary>
public static class MarketingMapping
{
    public static C.Program ToContract(this MarketingProgram p)
    {
        var c = new C.Program
        {
            Id = p.Id,
            Name = p.Name,
            Channel = p.Channel,
            Type = p.Type,
            Url = p.Url,
            UpdateTime = p.UpdatedAt.ToTimestamp(),
        };
        c.Tags.AddRange(p.Tags.Select(t => new C.Tag { TagType = t.TagType, TagValue = t.TagValue }));
        return c;
    }

    public static MarketingProgram ToDomain(this C.Program p) =>
        new(
            p.Id,
            p.Name,
            p.Channel,
            p.Type,
            p.Url,
            [.. p.Tags.Select(t => new ProgramTag(t.TagType, t.TagValue))],
            p.UpdateTime.OrNullTime()
        );

    public static C.PersonEngagement ToContract(this PersonEngagement e) =>
        new()
        {
            LeadId = e.LeadId,
            Email = e.Email,
            LeadScore = e.LeadScore,
            LastInterestingMoment = e.LastInterestingMoment,
            LastInterestingMomentTime = e.LastInterestingMomentAt.ToTimestamp(),
        };

    public static PersonEngagement ToDomain(this C.PersonEngagement e) =>
        new(e.LeadId, e.Email, e.LeadScore, e.LastInterestingMoment, e.LastInterestingMomentTime.OrNullTime());
}
