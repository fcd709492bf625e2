using IntegrationHub.Sdk.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace IntegrationHub.Sdk.Connectors;

/// <summary>
/// Wires one connector's infrastructure the same way in the host and in contract tests:
/// options bound from <c>Connectors:&lt;Name&gt;</c> and validated at start, the named
/// resilient HttpClient, and the plugin's own <see cref="IConnectorSetup"/> if it has one.
/// </summary>
public static class ConnectorRegistration
{
    /// <summary>
    /// Registers the connector's options, named client and setup from its <c>Connectors:&lt;Name&gt;</c> section.
    /// </summary>
    public static IServiceCollection AddConnectorInfrastructure(
        this IServiceCollection services,
        ConnectorDescriptor connector,
        IConfiguration connectorSection
    )
    {
        if (!typeof(ConnectorOptions).IsAssignableFrom(connector.OptionsType))
        {
            throw new InvalidOperationException(
                $"Connector '{connector.Name}' declares options type {connector.OptionsType.Name}, which does not "
                    + $"derive from {nameof(ConnectorOptions)}."
            );
        }

        services.TryAddSingleton<IConnectorCredentialStore, InMemoryConnectorCredentialStore>();
        var http = services.AddConnectorHttpClient(
            connector.Name,
            connectorSection.GetSection(nameof(ConnectorOptions.Resilience))
        );
        typeof(ConnectorRegistration)
            .GetMethod(
                nameof(AddValidatedOptions),
                System.Reflection.BindingFlags.NonPublic | System.Reflection.BindingFlags.Static
            )!
            .MakeGenericMethod(connector.OptionsType)
            .Invoke(null, [services, http, connector.Name, connectorSection]);

        foreach (var setup in SetupsFor(connector))
        {
            setup.Configure(services, http, connectorSection);
        }

        return services;
    }

    /// <summary>
    /// Registers a connector class directly (contract tests); the host registers the classes it
    /// scans with Scrutor instead.
    /// </summary>
    public static IServiceCollection AddConnector(
        this IServiceCollection services,
        Type connectorType,
        IConfiguration connectorsSection
    )
    {
        var descriptor = ConnectorDescriptor.Of(connectorType)
            ?? throw new InvalidOperationException($"{connectorType.Name} carries no [Connector] attribute.");
        services.AddConnectorInfrastructure(descriptor, connectorsSection.GetSection(descriptor.Name));
        services.AddSingleton(connectorType);
        return services;
    }

    private static IEnumerable<IConnectorSetup> SetupsFor(ConnectorDescriptor connector) =>
        connector
            .ImplementationType.Assembly.GetTypes()
            .Where(t => typeof(IConnectorSetup).IsAssignableFrom(t) && t is { IsAbstract: false, IsPublic: true })
            .Select(t => (IConnectorSetup)Activator.CreateInstance(t)!)
            .Where(s => s.ConnectorName == connector.Name);

    private static void AddValidatedOptions<TOptions>(
        IServiceCollection services,
        IHttpClientBuilder http,
        string name,
        IConfiguration section
    )
        where TOptions : ConnectorOptions
    {
        services
            .AddOptions<TOptions>()
            .Bind(section)
            .ValidateDataAnnotations()
            .Validate(o => o.BaseUrl is { IsAbsoluteUri: true }, $"Connectors:{name}:BaseUrl must be an absolute URL.")
            .ValidateOnStart();

        // Connectors send paths relative to the vendor's base address, which the hub may
        // point at a sandbox fake; a trailing slash keeps the base's own path segments.
        void PointAtVendor(IServiceProvider sp, HttpClient client)
        {
            var baseUrl = sp.GetRequiredService<IOptions<TOptions>>().Value.BaseUrl!;
            client.BaseAddress = baseUrl.AbsoluteUri.EndsWith('/') ? baseUrl : new Uri(baseUrl.AbsoluteUri + "/");
        }

        http.ConfigureHttpClient(PointAtVendor);
        services.AddHttpClient(ConnectorHttpClients.SingleAttempt(name)).ConfigureHttpClient(PointAtVendor);
    }
}
