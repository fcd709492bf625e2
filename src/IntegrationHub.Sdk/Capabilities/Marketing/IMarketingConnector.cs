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

/// <summary>A tag on a marketing program.</summary>
/// <param name="TagType">The tag's type ("UsedWithQualified").</param>
/// <param name="TagValue">Its value ("True").</param>
public sealed record ProgramTag(string TagType, string TagValue);

/// <summary>A marketing program (a webinar, a nurture, an event).</summary>
/// <param name="Id">The program's id at the vendor.</param>
/// <param name="Name">Its name.</param>
/// <param name="Channel">Its channel ("Webinar").</param>
/// <param name="Type">Its type at the vendor ("Event", "Default").</param>
/// <param name="Url">Its page at the vendor.</param>
/// <param name="Tags">Its tags.</param>
/// <param name="UpdatedAt">When it last changed.</param>
public sealed record MarketingProgram(
    string Id,
    string Name,
    string Channel,
    string Type,
    string Url,
    IReadOnlyList<ProgramTag> Tags,
    DateTimeOffset? UpdatedAt
);

/// <summary>How engaged a person is, by marketing automation.</summary>
/// <param name="LeadId">The person's id at the vendor.</param>
/// <param name="Email">Their email.</param>
/// <param name="LeadScore">Their lead score.</param>
/// <param name="LastInterestingMoment">The last interesting moment, in the vendor's words.</param>
/// <param name="LastInterestingMomentAt">When it happened.</param>
public sealed record PersonEngagement(
    string LeadId,
    string Email,
    int LeadScore,
    string LastInterestingMoment,
    DateTimeOffset? LastInterestingMomentAt
);
