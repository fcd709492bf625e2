using IntegrationHub.Sdk.Capabilities.Marketing;
using IntegrationHub.Sdk.Connectors;

namespace IntegrationHub.ExternalPlugin;

public sealed class EchoMarketingOptions : ConnectorOptions
{
    /// <summary>The program name the connector answers with, so a test can see its options were bound.</summary>
    public string ProgramName { get; set; } = "Echo program";

    public string? ApiKey { get; set; }

    public override bool HasCredentials => !string.IsNullOrEmpty(ApiKey);
}

/// <summary>A marketing connector that answers every tag query with one program named from its options.</summary>
[Connector("EchoMarketing", typeof(EchoMarketingOptions), Version = "0.1.0")]
public sealed class EchoMarketingConnector(Microsoft.Extensions.Options.IOptions<EchoMarketingOptions> options)
    : IMarketingConnector
{
    public Task<IReadOnlyList<MarketingProgram>> ListProgramsByTagAsync(
        string tagType,
        string tagValue,
        CancellationToken cancellationToken
    ) =>
        Task.FromResult<IReadOnlyList<MarketingProgram>>([
            new MarketingProgram(
                "42",
                options.Value.ProgramName,
                "Webinar",
                "Default",
                "https://echo.invalid/42",
                [new ProgramTag(tagType, tagValue)],
                null
            ),
        ]);

    public Task<PersonEngagement?> GetPersonEngagementAsync(string email, CancellationToken cancellationToken) =>
        Task.FromResult<PersonEngagement?>(new PersonEngagement("7", email, 100, "Echoed", null));
}
