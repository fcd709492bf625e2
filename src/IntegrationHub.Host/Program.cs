using IntegrationHub.Host.Composition;
using IntegrationHub.Host.Startup;
using IntegrationHub.Hub.Composition;
using IntegrationHub.Hub.Startup;
using IntegrationHub.Server.Composition;

try
{
    var builder = WebApplication.CreateBuilder(HubContentRoot.Options(args));

    builder.AddHubSecretFiles();
    await builder.AddHubConnectorsAsync();
    builder.Services.AddHubApplication(builder.Configuration);
    builder.AddHubGrpc();
    builder.AddHubSecurity();
    builder.AddHubTelemetry();

    var app = builder.Build();
    // Options are checked here rather than by the host's start, which would log a stack trace first.
    app.Services.GetService<Microsoft.Extensions.Options.IStartupValidator>()?.Validate();
    app.MapHubEndpoints();
    app.MapHubTelemetry();
    await app.RunAsync();
    return 0;
}
catch (Exception e) when (StartRefusal.Describe(e) is { } problems)
{
    return StartRefusal.Report(problems);
}

/// <summary>Entry point, visible to in-memory test hosts.</summary>
public partial class Program;
