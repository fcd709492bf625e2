using System.Net;
using System.Security.Cryptography;
using System.Text;
using IntegrationHub.Connectors.Outreach;
using IntegrationHub.Server.Tests.Hosting;
using IntegrationHub.Server.Tests.Routing;

namespace IntegrationHub.Server.Tests.Webhooks;

/// <summary>
/// <c>POST /webhooks/{connector}</c> reaches the webhook receiver of a connector the hub runs, and
/// nothing else: a name no connector has, a connector that takes no webhooks and one that was found
/// but serves nothing all answer 404.
/// </summary>
public sealed class VendorWebhookTests
{
    private const string Body = """{"data":{"type":"task","id":5,"meta":{"eventName":"task.completed"}}}""";

    [Theory]
    [InlineData("/webhooks/dynamics", "No connector named 'dynamics' was found.")]
    [InlineData("/webhooks/memory", "The Memory connector takes no webhooks.")]
    [InlineData("/webhooks/outreach", "The Outreach connector serves nothing on this hub")]
    public async Task A_webhook_for_no_connector_that_takes_webhooks_here_is_not_found(string path, string why)
    {
        // Memory serves every capability: Outreach is deployed with the hub but not chosen.
        using var hub = new HubFactory(HubFactory.MemorySettings());
        using var http = hub.CreateClient();

        var response = await PostAsync(http, path, Body, Sign(Body, "any-secret"));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains(why, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_former_secret_key_still_works_and_an_event_the_hub_ignores_is_taken_without_effect()
    {
        const string secret = "configured-before-the-move";
        using var hub = new SandboxHub(new Dictionary<string, string?> { ["Webhooks:OutreachSecret"] = secret });
        using var http = hub.CreateHttpClient();

        var unsigned = await PostAsync(http, "/webhooks/Outreach", Body, Sign(Body, "another-secret"));
        var signed = await PostAsync(http, "/webhooks/Outreach", Body, Sign(Body, secret));

        Assert.Equal(HttpStatusCode.Unauthorized, unsigned.StatusCode);
        Assert.Equal(HttpStatusCode.OK, signed.StatusCode);
        Assert.Equal("""{"applied":false}""", await signed.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Without_a_secret_the_webhook_is_unavailable()
    {
        using var hub = new SandboxHub();
        using var http = hub.CreateHttpClient();

        var response = await PostAsync(http, "/webhooks/outreach", Body, Sign(Body, ""));

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }

    private static async Task<HttpResponseMessage> PostAsync(
        HttpClient http,
        string path,
        string body,
        string signature
    )
    {
        using var content = new StringContent(body, Encoding.UTF8, "application/json");
        content.Headers.Add(OutreachWebhookSignature.Header, signature);
        return await http.PostAsync(path, content);
    }

    private static string Sign(string body, string secret) =>
        Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body)));
}
