namespace IntegrationHub.Sdk.Capabilities.Marketing;

/// <summary>Marketing automation (Marketo-like).</summary>
public interface IMarketingConnector : ICapabilityConnector
{
    /// <summary>Every program carrying the tag, ordered by id.</summary>
    Task<IReadOnlyList<MarketingProgram>> ListProgramsByTagAsync(
        string tagType,
        string tagValue,
        CancellationToken cancellationToken
    );

    /// <summary>A person's lead score and last interesting moment, or null when unknown.</summary>
    Task<PersonEngagement?> GetPersonEngagementAsync(string email, CancellationToken cancellationToken);
}

public sealed record ProgramTag(string TagType, string TagValue);

public sealed record MarketingProgram(
    string Id,
    string Name,
    string Channel,
    string Type,
    string Url,
    IReadOnlyList<ProgramTag> Tags,
    DateTimeOffset? UpdatedAt
);

public sealed record PersonEngagement(
    string LeadId,
    string Email,
    int LeadScore,
    string LastInterestingMoment,
    DateTimeOffset? LastInterestingMomentAt
);
