using IntegrationHub.Sdk.Capabilities.Crm;
using IntegrationHub.Sdk.FakeKit;
using IntegrationHub.Sdk.TestKit.Conformance;

namespace PartnerName.Connector.Tests;

/// <summary>
/// The SDK's CRM conformance suite, run against the PartnerName connector and its fake. What the connector must
/// answer is what the fake was seeded with (not what the connector's own parsing makes of it), so a field the
/// connector maps wrongly fails the suite.
/// </summary>
public sealed class PartnerNameConformanceTests : CrmConformance, IAsyncLifetime
{
    private readonly PartnerNameWorld _world = new();

    /// <inheritdoc />
    protected override VendorFake Vendor => _world.Fake;

    /// <inheritdoc />
    protected override TimeProvider Time => _world.Time;

    /// <inheritdoc />
    protected override string KnownDomain => KnownAccount.Domain;

    /// <inheritdoc />
    protected override string UnknownPersonId => "P-404";

    /// <inheritdoc />
    protected override string SomeUserId => "U-100";

    /// <inheritdoc />
    protected override Account KnownAccount => _world.Fake.Seeded.Accounts[0];

    /// <inheritdoc />
    protected override Person KnownPerson => _world.Fake.Seeded.People[1];

    /// <inheritdoc />
    protected override CrmUser KnownUser => _world.Fake.Seeded.Users[0];

    /// <inheritdoc />
    protected override Task<ICrmConnector> CreateConnectorAsync(VendorCondition condition) =>
        Task.FromResult<ICrmConnector>(_world.Connector(tune: SettingsFor(condition)));

    /// <inheritdoc />
    public Task InitializeAsync() => Task.CompletedTask;

    /// <inheritdoc />
    public Task DisposeAsync() => _world.DisposeAsync().AsTask();
}
