namespace IntegrationHub.Partner.Tests;

/// <summary>The partner tests share one workspace: the feed is packed and the template installed once.</summary>
[CollectionDefinition(Name)]
public sealed class PartnerCollection : ICollectionFixture<PartnerWorkspace>
{
    /// <summary>The collection's name.</summary>
    public const string Name = "partner";
}
