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
