using Grpc.Net.Client;
using IntegrationHub.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace IntegrationHub.Server.Tests.Hosting;

/// <summary>
/// The real hub, hosted in memory with the given settings layered over appsettings.json and the
/// test key of <see cref="HubCredentials"/>, reached through a real <see cref="GrpcChannel"/>.
/// </summary>
public class HubFactory(IReadOnlyDictionary<string, string?> settings, Action<IServiceCollection>? services = null)
    : WebApplicationFactory<Program>
{
    /// <summary>Every capability served by the in-memory test connector of this assembly.</summary>
    public static Dictionary<string, string?> MemorySettings() =>
        new()
        {
            ["Plugins:Assemblies:0"] = typeof(HubFactory).Assembly.GetName().Name,
            ["Capabilities:Enrichment:Connector"] = MemoryConnector.Name,
            ["Capabilities:Crm:Connector"] = MemoryConnector.Name,
            ["Capabilities:Sequencing:Connector"] = MemoryConnector.Name,
            ["Capabilities:Marketing:Connector"] = MemoryConnector.Name,
            ["Capabilities:Meetings:Connector"] = MemoryConnector.Name,
            [$"Connectors:{MemoryConnector.Name}:BaseUrl"] = "http://memory.invalid/",
            [$"Connectors:{MemoryConnector.Name}:ApiKey"] = "test-key",
            ["Sandbox:Mode"] = "Off",
        };

    /// <summary>The hub's clock: "now" for anything a test sends it.</summary>
    public TimeProvider Time => Services.GetRequiredService<TimeProvider>();

    /// <summary>
    /// A channel to the hub sending <paramref name="apiKey"/> (the test key with every scope by default; null sends
    /// none).
    /// </summary>
    public GrpcChannel CreateChannel(string? apiKey = HubCredentials.Key) =>
        GrpcChannel.ForAddress(
            Server.BaseAddress,
            new GrpcChannelOptions
            {
                HttpHandler = apiKey is null
                    ? Server.CreateHandler()
                    : HubCredentials.Handler(Server.CreateHandler(), apiKey),
            }
        );

    /// <summary>
    /// Sandbox demo hours off unless the test sets <c>Sandbox:DemoHours</c>: the tests are written for the policy's
    /// real working hours on their clock, and reps that start offline.
    /// </summary>
    public static IEnumerable<KeyValuePair<string, string?>> RealHours(IReadOnlyDictionary<string, string?> settings) =>
        settings.ContainsKey("Sandbox:DemoHours") ? [] : [new("Sandbox:DemoHours", "false")];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        // Each hosted hub gets its own state, unless a test points two at one store on purpose.
        if (!settings.ContainsKey("Storage:Sqlite:Path") && !settings.ContainsKey("Storage:Provider"))
        {
            builder.UseSetting(
                "Storage:Sqlite:Path",
                Path.Combine(Path.GetTempPath(), $"hub-test-{Guid.NewGuid():N}.db")
            );
        }

        foreach (var (key, value) in HubCredentials.Settings().Concat(RealHours(settings)).Concat(settings))
        {
            builder.UseSetting(key, value);
        }

        if (services is not null)
        {
            builder.ConfigureTestServices(services);
        }
    }
}
