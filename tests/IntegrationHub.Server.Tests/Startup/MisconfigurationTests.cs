using IntegrationHub.Server.Tests.Hosting;

namespace IntegrationHub.Server.Tests.Startup;

/// <summary>A hub that cannot serve what it is configured to serve must refuse to start, and say why.</summary>
public sealed class MisconfigurationTests
{
    private static Exception StartWith(Action<Dictionary<string, string?>> change)
    {
        var settings = HubFactory.MemorySettings();
        change(settings);
        using var hub = new HubFactory(settings);
        return Assert.ThrowsAny<Exception>(() => hub.CreateChannel());
    }

    private static string AllMessages(Exception ex) => ex.ToString();

    [Fact]
    public void Unknown_connector_fails_the_start_naming_it_and_listing_what_was_found()
    {
        var error = StartWith(s => s["Capabilities:Crm:Connector"] = "Dynamics");
        var message = AllMessages(error);
        Assert.Contains("Capabilities:Crm:Connector names 'Dynamics'", message, StringComparison.Ordinal);
        Assert.Contains("Found: ", message, StringComparison.Ordinal);
        Assert.Contains("Memory (enrichment/crm/sequencing/marketing/meetings)", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Connector_and_endpoint_together_fail_the_start()
    {
        var error = StartWith(s => s["Capabilities:Crm:Endpoint"] = "http://127.0.0.1:1");
        Assert.Contains(
            "Capabilities:Crm: set either Connector or Endpoint, not both.",
            AllMessages(error),
            StringComparison.Ordinal
        );
    }

    [Fact]
    public void Every_problem_is_listed_at_once()
    {
        var error = StartWith(s =>
        {
            s["Capabilities:Crm:Connector"] = "Dynamics";
            s["Capabilities:Meetings:Connector"] = "Teams";
        });
        var message = AllMessages(error);
        Assert.Contains("'Dynamics'", message, StringComparison.Ordinal);
        Assert.Contains("'Teams'", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_connector_options_fail_the_start_with_the_option_named()
    {
        var error = StartWith(s => s[$"Connectors:{MemoryConnector.Name}:Resilience:MaxRetryAttempts"] = "99");
        Assert.Contains("MaxRetryAttempts", AllMessages(error), StringComparison.Ordinal);
    }

    [Fact]
    public void Missing_credentials_with_sandbox_off_and_no_fake_fails_clearly()
    {
        var error = StartWith(s =>
        {
            s[$"Connectors:{MemoryConnector.Name}:ApiKey"] = "";
            s["Sandbox:Mode"] = "Auto";
        });
        Assert.Contains(
            "Connector 'Memory' has no credentials under Connectors:Memory and ships no sandbox fake",
            AllMessages(error),
            StringComparison.Ordinal
        );
    }
}
