using Grpc.Core;
using IntegrationHub.Contracts.Crm.V1;
using IntegrationHub.Contracts.Routing.V1;
using IntegrationHub.Server.RoutingApi;
using IntegrationHub.Server.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Server.Tests.Security;

/// <summary>Vendor credentials: read from a secrets folder like any setting, never returned, never logged.</summary>
public sealed class SecretsTests
{
    private const string Secret = "s3cr3t-client-secret-value";

    [Fact]
    public void A_secrets_folder_with_one_file_per_key_configures_the_hub()
    {
        var folder = Directory.CreateTempSubdirectory("hub-secrets-").FullName;
        File.WriteAllText(Path.Combine(folder, $"Connectors__{MemoryConnector.Name}__ApiKey"), "from-a-mounted-secret");
        var settings = HubFactory.MemorySettings();
        settings.Remove($"Connectors:{MemoryConnector.Name}:ApiKey");
        settings["Secrets:Path"] = folder;
        using var hub = new HubFactory(settings);

        Assert.Equal(
            "from-a-mounted-secret",
            hub.Services.GetRequiredService<IOptions<MemoryConnectorOptions>>().Value.ApiKey
        );
    }

    [Fact]
    public async Task A_failing_vendor_call_returns_and_logs_nothing_of_the_credentials()
    {
        var logs = new LogCapture();
        var settings = new Dictionary<string, string?>
        {
            // Salesforce "configured" against an address where nothing listens: every call fails.
            ["Connectors:Salesforce:BaseUrl"] = "http://127.0.0.1:9/",
            ["Connectors:Salesforce:ClientId"] = "client-id",
            ["Connectors:Salesforce:ClientSecret"] = Secret,
            ["Connectors:Salesforce:Resilience:MaxRetryAttempts"] = "0",
        };
        using var hub = new HubFactory(settings, services => services.AddSingleton<ILoggerProvider>(logs));
        var channel = hub.CreateChannel();

        var error = await RpcAssert.FailsWith(StatusCode.Unavailable, () =>
            new CrmService.CrmServiceClient(channel)
                .GetAccountAsync(new GetAccountRequest { Domain = "acme.com" })
                .ResponseAsync
        );
        var catalog = await new ConnectorCatalogService.ConnectorCatalogServiceClient(channel).ListConnectorsAsync(
            new ListConnectorsRequest()
        );

        Assert.DoesNotContain(Secret, error.Status.Detail, StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, catalog.ToString(), StringComparison.Ordinal);
        Assert.NotEmpty(logs.Lines);
        Assert.DoesNotContain(logs.Lines, l => l.Contains(Secret, StringComparison.Ordinal));
    }
}
