using System.Reflection;
using IntegrationHub.Host.Startup;
using IntegrationHub.Hub.Capabilities;
using IntegrationHub.Hub.Credentials;
using IntegrationHub.Hub.Startup;
using IntegrationHub.Sdk.Connectors;
using IntegrationHub.Sdk.Sandbox;
using IntegrationHub.Server.Plugins;

namespace IntegrationHub.Host.Sandbox;

/// <summary>
/// Starts the in-process vendor fakes for chosen connectors that have no credentials, and
/// points those connectors at them, before the host is built. They are seeded when the host
/// starts, on its clock, and live as long as it does (see <see cref="SandboxLifetime"/>).
/// </summary>
internal static partial class SandboxVendors
{
    public static async Task<StartedSandbox> StartAsync(
        IConfigurationManager configuration,
        string contentRoot,
        IReadOnlyList<Assembly> assemblies,
        IDictionary<Sdk.Capabilities.Capability, CapabilityBinding> bindings,
        ILogger logger,
        CancellationToken cancellationToken
    )
    {
        var options = configuration.GetSection(SandboxOptions.Section).Get<SandboxOptions>() ?? new SandboxOptions();
        var needing = bindings
            .Values.Where(b => b.Connector is not null && !HasCredentials(configuration, b.Connector.Descriptor))
            .Select(b => b.Connector!.Descriptor.Name)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        if (options.Mode == SandboxMode.Off || needing.Count == 0)
        {
            return new StartedSandbox([], new SandboxSeed());
        }

        var seedPath = Path.IsPathRooted(options.SeedFile)
            ? options.SeedFile
            : Path.Combine(contentRoot, options.SeedFile);
        var seed = File.Exists(seedPath) ? SandboxSeed.Load(seedPath) : new SandboxSeed();
        var fakes = FindFakes(assemblies);
        var started = new List<ISandboxVendor>();
        var settings = new Dictionary<string, string?>();
        foreach (var name in needing)
        {
            if (!fakes.TryGetValue(name, out var fake))
            {
                throw new HubStartRefusedException(
                    $"Connector '{name}' has no credentials under Connectors:{name} and ships no sandbox fake; "
                        + "configure its credentials, or deploy its fake (the plugin with its SandboxVendor) "
                        + "into the plugins folder and add it to Plugins:Allowed."
                );
            }

            foreach (var (key, value) in await fake.StartAsync(cancellationToken))
            {
                settings[$"Connectors:{name}:{key}"] = value;
            }

            if (options.VendorLimits == SandboxVendorLimits.Unlimited)
            {
                fake.LiftLimits();
            }

            started.Add(fake);
            LogSandbox(logger, name);
        }

        configuration.AddInMemoryCollection(settings);
        foreach (var (capability, binding) in bindings.ToList())
        {
            if (binding.Connector is { } c && needing.Contains(c.Descriptor.Name, StringComparer.OrdinalIgnoreCase))
            {
                bindings[capability] = binding with { Sandbox = true };
            }
        }

        if (options.DemoHours)
        {
            LogDemoHours(logger);
        }

        return new StartedSandbox(started, seed, options.DemoHours);
    }

    private static bool HasCredentials(IConfiguration configuration, ConnectorDescriptor connector) =>
        configuration.GetSection($"Connectors:{connector.Name}").Get(connector.OptionsType)
            is ConnectorOptions { HasCredentials: true };

    private static Dictionary<string, ISandboxVendor> FindFakes(IEnumerable<Assembly> assemblies) =>
        assemblies
            .SelectMany(a => a.GetExportedTypes())
            .Where(t =>
                typeof(ISandboxVendor).IsAssignableFrom(t)
                && t is { IsAbstract: false, IsInterface: false }
                && t.GetConstructor(Type.EmptyTypes) is not null
            )
            .Select(t => (ISandboxVendor)Activator.CreateInstance(t)!)
            .ToDictionary(f => f.ConnectorName, StringComparer.OrdinalIgnoreCase);

    [LoggerMessage(
        Level = LogLevel.Warning,
        Message = "Sandbox mode: connector {Connector} has no credentials and talks to its in-process fake with demo "
            + "data"
    )]
    private static partial void LogSandbox(ILogger logger, string connector);

    [LoggerMessage(
        Level = LogLevel.Information,
        Message = "Sandbox demo hours: every rep counts as inside working hours, and a rep with no presence set starts "
            + "available (one set away or offline stays so), so the demo routes to a human at any hour; start with "
            + "--Sandbox:DemoHours=false to see the reps' real hours"
    )]
    private static partial void LogDemoHours(ILogger logger);
}
