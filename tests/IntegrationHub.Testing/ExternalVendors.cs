using IntegrationHub.Connectors.Marketo.Fake;
using IntegrationHub.Connectors.Outreach.Fake;
using IntegrationHub.Connectors.Salesforce.Fake;
using IntegrationHub.Connectors.SixSense.Fake;
using IntegrationHub.Connectors.Zoom.Fake;
using IntegrationHub.Sdk.Sandbox;

namespace IntegrationHub.Testing;

/// <summary>
/// The five vendor fakes, seeded with the demo world, running in the test process rather than
/// inside a hub: they outlive a hub that is killed, and several hubs can share them, as they
/// would share the real vendors. They run on the system clock, as the hub processes they serve do.
/// </summary>
public sealed partial class ExternalVendors : IAsyncDisposable
{
    private readonly List<ISandboxVendor> _vendors = [];

    private ExternalVendors() { }

    public SixSenseFake Enrichment => _vendors.OfType<SixSenseSandbox>().Single().Fake!;

    public SalesforceFake Crm => _vendors.OfType<SalesforceSandbox>().Single().Fake!;

    public OutreachFake Sequencer => _vendors.OfType<OutreachSandbox>().Single().Fake!;

    public MarketoFake Marketing => _vendors.OfType<MarketoSandbox>().Single().Fake!;

    /// <summary>Reverse-IP look-ups the enrichment vendor answered.</summary>
    public int EnrichmentCalls => Enrichment.CountRequests("GET", "/v3/company/details");

    /// <summary>Account-by-domain queries the CRM answered.</summary>
    public int AccountByDomainCalls =>
        Crm.Requests.Count(r => r.RequestMessage?.Url?.Contains("Primary_Domain__c", StringComparison.Ordinal) == true);

    /// <summary>Every upsert-by-external-id request the CRM received, repeats included.</summary>
    public int RawLeadUpserts =>
        Crm.Requests.Count(r =>
            r.RequestMessage?.Method == "PATCH" && UpsertPath().IsMatch(r.RequestMessage.Path ?? "")
        );

    /// <summary>Every enrolment request the sequencer received, repeats included.</summary>
    public int RawEnrolments => Sequencer.CountRequests("POST", "/api/v2/sequenceStates");

    /// <summary>Leads in the CRM with this email.</summary>
    public int CrmLeads(string email) => Crm.LeadsWithEmail(email).Count;

    /// <summary>Sequence enrolments of the prospects with this email.</summary>
    public int Enrolments(string email) => Sequencer.ProspectsWithEmail(email).Sum(p => p.States.Count);

    /// <summary>Settings that point a hub's connectors at these fakes, with sandbox mode off.</summary>
    public Dictionary<string, string?> Settings { get; } = new() { ["Sandbox:Mode"] = "Off" };

    /// <summary>
    /// Settings for a hub process pointed at these fakes that a test may kill and restart on its
    /// own SQLite file: a short lease, so a restarted hub takes over what a killed one had
    /// claimed within seconds, and quick retries.
    /// </summary>
    public Dictionary<string, string?> RestartableHubSettings(string name, TimeSpan maxBackoff) =>
        new(Settings)
        {
            ["Storage:Sqlite:Path"] = Path.Combine(Path.GetTempPath(), $"hub-{name}-{Guid.NewGuid():N}.db"),
            ["Storage:Outbox:Lease"] = "00:00:03",
            ["Storage:Outbox:PollInterval"] = "00:00:00.050",
            ["Storage:Outbox:BaseBackoff"] = "00:00:00.200",
            ["Storage:Outbox:MaxBackoff"] = maxBackoff.ToString("c", System.Globalization.CultureInfo.InvariantCulture),
        };

    public static async Task<ExternalVendors> StartAsync()
    {
        var seed = SandboxSeed.Load(Path.Combine(AppContext.BaseDirectory, "sandbox", "demo-seed.json"));
        var vendors = new ExternalVendors();
        foreach (
            ISandboxVendor vendor in new ISandboxVendor[]
            {
                new SixSenseSandbox(),
                new SalesforceSandbox(),
                new OutreachSandbox(),
                new MarketoSandbox(),
                new ZoomSandbox(),
            }
        )
        {
            vendors._vendors.Add(vendor);
            foreach (var (key, value) in await vendor.StartAsync(CancellationToken.None))
            {
                vendors.Settings[$"Connectors:{vendor.ConnectorName}:{key}"] = value;
            }

            // Crash bursts and bench load runs go through these fakes: lifted, as Sandbox:VendorLimits=Unlimited does.
            vendor.LiftLimits();
            await vendor.SeedAsync(seed, TimeProvider.System, CancellationToken.None);
        }

        return vendors;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var vendor in _vendors)
        {
            await vendor.DisposeAsync();
        }
    }

    [System.Text.RegularExpressions.GeneratedRegex("/sobjects/Lead/[^/]+/[^/]+$")]
    private static partial System.Text.RegularExpressions.Regex UpsertPath();
}
