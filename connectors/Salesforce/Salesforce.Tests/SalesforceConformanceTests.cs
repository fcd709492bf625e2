using IntegrationHub.Sdk.Capabilities.Crm;
using IntegrationHub.Sdk.TestKit.Conformance;

namespace IntegrationHub.Connectors.Salesforce.Tests;

/// <summary>The SDK's CRM conformance suite, run against the Salesforce connector and its fake.</summary>
public sealed class SalesforceConformanceTests : CrmConformance, IAsyncLifetime
{
    private readonly SalesforceWorld _world = new();

    protected override string KnownDomain => "acme.com";

    protected override Task<ICrmConnector> CreateConnectorAsync(VendorCondition condition)
    {
        if (condition == VendorCondition.Down)
        {
            _world.Fake.GoDown();
        }

        return Task.FromResult(_world.Connector());
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _world.DisposeAsync().AsTask();
}
