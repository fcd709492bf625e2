using IntegrationHub.Storage;
using IntegrationHub.Storage.FaultHost;
using IntegrationHub.Storage.Outbox;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

// Usage: FaultHost <target-url> [--Storage:Provider=…] [--Storage:Sqlite:Path=…] [--Storage:Outbox:Lease=…]
var builder = Host.CreateApplicationBuilder(args.Skip(1).ToArray());
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddHttpClient();
builder.Services.AddHubStorage(builder.Configuration);
builder.Services.AddSingleton<IOutboxEffectHandler>(sp => new HttpEffectHandler(
    sp.GetRequiredService<IHttpClientFactory>(),
    new Uri(args[0])
));
await builder.Build().RunAsync();
