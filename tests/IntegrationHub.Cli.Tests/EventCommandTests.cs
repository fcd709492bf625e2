using System.Text.Json.Nodes;
using IntegrationHub.Testing;

namespace IntegrationHub.Cli.Tests;

/// <summary>
/// An operator manages routing-event subscribers with hubctl against a real hub process: subscribe (the secret shown
/// once), list, ping a receiver that is not up, rotate the secret, delete; bad input refused with its violations.
/// </summary>
public sealed class EventCommandTests(SandboxHubFixture fixture) : IClassFixture<SandboxHubFixture>
{
    private HubProcess Hub => fixture.Hub;

    [Fact]
    public async Task Subscribe_list_ping_rotate_and_delete_a_receiver()
    {
        // A loopback port nobody listens on: a receiver that is down.
        var url = $"http://127.0.0.1:{HubProcess.FreePort()}/hook";
        var subscribed = await HubCtlRun.AgainstAsync(
            Hub,
            ["events", "subscribe", url, "--type", "decision.made", "offer.expired", "-o", "json"]
        );
        Assert.True(subscribed.ExitCode == 0, subscribed.ToString());
        var created = JsonNode.Parse(subscribed.Output)!;
        var id = (string)created["subscription"]!["id"]!;
        Assert.StartsWith("whsec_", (string?)created["secret"], StringComparison.Ordinal);

        var list = await HubCtlRun.AgainstAsync(Hub, ["events", "list"]);
        var row = Assert.Single(list.Rows(id));
        Assert.Equal(url, row[1]);
        Assert.Equal("decision.made, offer.expired", row[2]);
        Assert.DoesNotContain((string)created["secret"]!, list.Output, StringComparison.Ordinal);

        var ping = await HubCtlRun.AgainstAsync(Hub, ["events", "ping", id]);
        Assert.Equal(1, ping.ExitCode);
        Assert.Contains("Not delivered", ping.Output, StringComparison.Ordinal);

        var rotated = await HubCtlRun.AgainstAsync(Hub, ["events", "rotate-secret", id]);
        Assert.Equal(0, rotated.ExitCode);
        Assert.Contains("whsec_", rotated.Output, StringComparison.Ordinal);
        Assert.DoesNotContain((string)created["secret"]!, rotated.Output, StringComparison.Ordinal);

        Assert.Equal(0, (await HubCtlRun.AgainstAsync(Hub, ["events", "delete", id])).ExitCode);
        Assert.Empty((await HubCtlRun.AgainstAsync(Hub, ["events", "list"])).Rows(id));
    }

    [Fact]
    public async Task Plain_http_to_another_host_and_an_unknown_type_are_refused_naming_each()
    {
        var refused = await HubCtlRun.AgainstAsync(
            Hub,
            ["events", "subscribe", "http://hooks.example.com/in", "--type", "lead.won"]
        );

        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("url: must use https", refused.Output, StringComparison.Ordinal);
        Assert.Contains("event_types[0]: is not an event type", refused.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(
            "hooks.example.com",
            (await HubCtlRun.AgainstAsync(Hub, ["events", "list"])).Output,
            StringComparison.Ordinal
        );
    }
}
