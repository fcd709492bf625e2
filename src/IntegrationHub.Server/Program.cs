using IntegrationHub.Server.Extensions;

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

/// <summary>Entry point, visible to in-memory test hosts.</summary>
public partial class Program;
