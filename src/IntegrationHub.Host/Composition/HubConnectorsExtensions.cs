using IntegrationHub.Host.Sandbox;
using IntegrationHub.Hub.Caching;
using IntegrationHub.Hub.Capabilities;
using IntegrationHub.Hub.Composition;
using IntegrationHub.Hub.Credentials;
using IntegrationHub.Hub.Sandbox;
using IntegrationHub.Sdk.Capabilities;
using IntegrationHub.Sdk.Connectors;
using IntegrationHub.Sdk.Sandbox;
using IntegrationHub.Server.Capabilities.Remote;
using IntegrationHub.Server.Composition;
using IntegrationHub.Server.Health;
using IntegrationHub.Server.Plugins;
using Scrutor;

namespace IntegrationHub.Host.Composition;

public static class HubConnectorsExtensions
{
    /// <summary>
    /// Finds connector plugins (Scrutor over deployed connector assemblies and the plugins
    /// folder), decides which serves each capability, starts sandbox fakes for connectors
    /// without credentials, and registers each capability interface. Any problem fails the
    /// start with a message naming it.
    /// </summary>
    public static async Task<WebApplicationBuilder> AddHubConnectorsAsync(
        this WebApplicationBuilder builder,
        CancellationToken cancellationToken = default
    )
    {
        var configuration = builder.Configuration;
        var pluginOptions = configuration.GetSection(PluginOptions.Section).Get<PluginOptions>() ?? new PluginOptions();
        var (assemblies, discovered) = ConnectorDiscovery.Discover(pluginOptions, builder.Environment.ContentRootPath);
        var bindings = new Dictionary<Capability, CapabilityBinding>(
            CapabilitySelection.Resolve(configuration.GetSection(CapabilityOptions.Section), discovered)
        );

        using var loggerFactory = LoggerFactory.Create(l => l.AddConsole());
        var fakes = await SandboxVendors.StartAsync(
            configuration,
            builder.Environment.ContentRootPath,
            assemblies,
            bindings,
            loggerFactory.CreateLogger("IntegrationHub.Sandbox"),
            cancellationToken
        );
        builder.Services.AddSingleton(fakes.Vendors);
        if (fakes.DemoHours)
        {
            builder.Services.AddSingleton(new SandboxDemoHours());
        }

        // What a user may put in a condition (down, slow, …) through the sandbox RPC: only the fakes started here.
        builder.Services.AddSingleton(sp => new VendorRehearsal(
            fakes.Vendors.OfType<IRehearsableVendor>(),
            sp.GetRequiredService<ConnectorCatalog>(),
            sp.GetRequiredService<ILogger<VendorRehearsal>>()
        ));
        // First of the hosted services: the fakes are seeded on the hub's clock before anything calls them.
        builder.Services.AddHostedService(sp => new SandboxLifetime(fakes, sp.GetRequiredService<TimeProvider>()));

        builder.Services.Scan(scan =>
            scan.FromAssemblies(assemblies)
                .AddClasses(c => c.WithAttribute<ConnectorAttribute>(), publicOnly: true)
                .UsingRegistrationStrategy(RegistrationStrategy.Skip)
                .AsSelf()
                .WithSingletonLifetime()
        );

        foreach (var connector in bindings.Values.Select(b => b.Connector).OfType<DiscoveredConnector>().Distinct())
        {
            builder.Services.AddConnectorInfrastructure(
                connector.Descriptor,
                configuration.GetSection($"Connectors:{connector.Descriptor.Name}")
            );
        }

        builder.Services.AddSingleton<CredentialRefusals>();
        builder.Services.AddRemoteConnectors(bindings.Values);
        foreach (var binding in bindings.Values)
        {
            var serve = ServeFactory(binding);
            builder.Services.AddSingleton(CapabilityInterfaces.ByCapability[binding.Capability], sp =>
                WatchCredentials(binding, serve(sp), sp.GetRequiredService<CredentialRefusals>())
            );
        }

        builder.Services.AddVendorLookupCaches(configuration);
        builder.Services.AddSingleton(new ConnectorCatalog(discovered, bindings));
        builder.Services.AddCapabilityHealthChecks(bindings.Keys);
        return builder;
    }

    /// <summary>
    /// The connector behind <see cref="CredentialWatch{TCapability}"/>, so a refusal of its credentials shows in
    /// health.
    /// </summary>
    private static object WatchCredentials(CapabilityBinding binding, object connector, CredentialRefusals refusals) =>
        typeof(CredentialWatch<>)
            .MakeGenericType(CapabilityInterfaces.ByCapability[binding.Capability])
            .GetMethod(nameof(CredentialWatch<object>.Wrap))!
            .Invoke(null, [connector, refusals, binding.CredentialKey])!;

    private static Func<IServiceProvider, object> ServeFactory(CapabilityBinding binding)
    {
        if (binding.Connector is { } connector)
        {
            return sp => sp.GetRequiredService(connector.Descriptor.ImplementationType);
        }

        return sp => sp.GetRequiredService<RemoteEndpoints>().Connector(binding.Capability);
    }
}
