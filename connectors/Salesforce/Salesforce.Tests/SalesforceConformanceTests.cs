using IntegrationHub.Sdk.Capabilities.Crm;
using IntegrationHub.Sdk.Errors;
using IntegrationHub.Sdk.FakeKit;
using IntegrationHub.Sdk.TestKit.Conformance;

namespace IntegrationHub.Connectors.Salesforce.Tests;

/// <summary>The SDK's CRM conformance suite, run against the Salesforce connector and its fake.</summary>
public sealed class SalesforceConformanceTests : CrmConformance, IAsyncLifetime
{
    private readonly SalesforceWorld _world = new();

    protected override VendorFake Vendor => _world.Fake;

    protected override string KnownDomain => "acme.com";

    protected override Account KnownAccount => SalesforceWorld.Acme;

    protected override Person KnownPerson => SalesforceWorld.Jane;

    protected override CrmUser KnownUser => SalesforceWorld.Bdr;

    /// <summary>Salesforce's only throttle on the REST API is the org's spent daily allowance.</summary>
    protected override ConnectorErrorKind ExpectedKind(VendorCondition condition) =>
        condition == VendorCondition.Throttled ? ConnectorErrorKind.QuotaExhausted : base.ExpectedKind(condition);

    protected override Task<ICrmConnector> CreateConnectorAsync(VendorCondition condition) =>
        Task.FromResult(_world.Connector(SettingsFor(condition)));

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => _world.DisposeAsync().AsTask();
}
