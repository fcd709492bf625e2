using IntegrationHub.Hub.Startup;
using IntegrationHub.Server.Plugins;
using Microsoft.Extensions.Configuration;

namespace IntegrationHub.Server.Tests.Capabilities;

/// <summary>A remote endpoint's timeout, retry and circuit settings are checked at start, naming the key.</summary>
public sealed class RemoteEndpointSettingsTests
{
    [Fact]
    public void Settings_no_call_could_live_with_refuse_the_start_naming_each_key()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(
                new Dictionary<string, string?>
                {
                    ["Enrichment:Endpoint"] = "http://127.0.0.1:7001",
                    ["Enrichment:Resilience:AttemptTimeout"] = "00:00:00",
                    ["Enrichment:Resilience:MaxRetryAttempts"] = "50",
                    ["Crm:Endpoint"] = "http://127.0.0.1:7002",
                    ["Crm:Resilience:AttemptTimeout"] = "00:00:30",
                    ["Crm:Resilience:TotalTimeout"] = "00:00:10",
                    ["Sequencing:Endpoint"] = "http://127.0.0.1:7003",
                    ["Marketing:Endpoint"] = "http://127.0.0.1:7004",
                    ["Meetings:Endpoint"] = "http://127.0.0.1:7005",
                }
            )
            .Build();

        var refused = Assert.Throws<HubStartRefusedException>(() => CapabilitySelection.Resolve(configuration, []));

        Assert.Contains("Capabilities:Enrichment:Resilience:AttemptTimeout", refused.Message);
        Assert.Contains("Capabilities:Enrichment:Resilience:MaxRetryAttempts", refused.Message);
        Assert.Contains(
            "Capabilities:Crm:Resilience:AttemptTimeout (00:00:30) is longer than TotalTimeout",
            refused.Message
        );
        Assert.DoesNotContain("Capabilities:Sequencing", refused.Message);
    }
}
