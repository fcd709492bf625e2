using IntegrationHub.Server.Extensions;
using IntegrationHub.Server.Startup;

try
{
    var builder = WebApplication.CreateBuilder(args);

    builder.AddHubSecretFiles();
    await builder.AddHubConnectorsAsync();
    builder.AddHubRouting();
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
catch (Exception e) when (StartRefusal.Describe(e) is { } line)
{
    return StartRefusal.Report(line);
}

/// <summary>Entry point, visible to in-memory test hosts.</summary>
public partial class Program;
