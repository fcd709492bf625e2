using IntegrationHub.Hub.Capabilities;
using IntegrationHub.Hub.Credentials;
using IntegrationHub.Server.Plugins;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Server.Security;

/// <summary>
/// In sandbox mode, makes a development key with every scope (the configured one, or a random
/// one) and prints how to use it. It lives in memory only: a restart makes a new one.
/// </summary>
public sealed partial class DevelopmentKey(
    ConnectorCatalog catalog,
    ConfiguredKeys keys,
    IOptions<AuthOptions> options,
    IConfiguration configuration,
    ILogger<DevelopmentKey> logger
) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (!catalog.Bindings.Values.Any(b => b.Sandbox))
        {
            return Task.CompletedTask;
        }

        var secret = options.Value.DevelopmentKey is { Length: > 0 } configured
            ? configured
            : ApiKeySecret.Create().Secret;
        keys.AddDevelopmentKey(secret);
        if (options.Value.DevelopmentKey is not { Length: > 0 })
        {
            // Printed on purpose: it is a sandbox key over fake vendors, and the user needs it to call the hub.
            var http = (configuration["Kestrel:Endpoints:Http:Url"] ?? "http://127.0.0.1:5081").TrimEnd('/');
            LogDevelopmentKey(logger, secret, $"{http}{Dashboard.DashboardEndpoints.Path}#key={secret}");
        }

        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "Sandbox mode: development API key with every scope (valid until the hub stops):\n  export "
            + "HUB_API_KEY={Secret}\n  dotnet run --project src/IntegrationHub.Cli -- connectors\n  live dashboard: "
            + "{DashboardUrl}"
    )]
    private static partial void LogDevelopmentKey(ILogger logger, string secret, string dashboardUrl);
}
