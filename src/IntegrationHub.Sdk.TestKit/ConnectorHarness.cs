using IntegrationHub.Sdk.Connectors;
using IntegrationHub.Sdk.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace IntegrationHub.Sdk.TestKit;

/// <summary>
/// Builds a connector the way the hub does (validated options, resilient named client,
/// the plugin's setup), from settings written as they would be under <c>Connectors:&lt;Name&gt;</c>.
/// The connector runs on <see cref="TestClock.Running"/> unless a clock is given. Pass a FakeTimeProvider to drive
/// back-off and circuit breaker time from the test, and one credential store to several harnesses to act as hub
/// instances (or restarts) sharing it.
/// </summary>
public sealed class ConnectorHarness : IAsyncDisposable
{
    private readonly ServiceProvider _provider;

    private ConnectorHarness(ServiceProvider provider) => _provider = provider;

    /// <summary>The container the connector was built in, for a test that needs another of its services.</summary>
    public IServiceProvider Services => _provider;

    /// <summary>
    /// A harness for <typeparamref name="TConnector"/> with <paramref name="settings"/> as its
    /// <c>Connectors:&lt;Name&gt;</c> section.
    /// </summary>
    public static ConnectorHarness Create<TConnector>(
        IReadOnlyDictionary<string, string?> settings,
        TimeProvider? time = null,
        IConnectorCredentialStore? credentials = null
    )
        where TConnector : class
    {
        var name = ConnectorDescriptor.Of(typeof(TConnector))?.Name
            ?? throw new InvalidOperationException($"{typeof(TConnector).Name} carries no [Connector] attribute.");
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(
                settings.Select(kv => new KeyValuePair<string, string?>($"Connectors:{name}:{kv.Key}", kv.Value))
            )
            .Build();
        var services = new ServiceCollection();
        services.AddLogging(l => l.SetMinimumLevel(LogLevel.Debug));
        services.AddSingleton(time ?? TestClock.Running());
        if (credentials is not null)
        {
            services.AddSingleton(credentials);
        }

        services.AddConnector(typeof(TConnector), configuration.GetSection("Connectors"));
        return new ConnectorHarness(
            services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true })
        );
    }

    /// <summary>The connector (or another service) as the hub would resolve it.</summary>
    public TConnector Get<TConnector>()
        where TConnector : notnull => _provider.GetRequiredService<TConnector>();

    /// <summary>Disposes the connector and its clients.</summary>
    public ValueTask DisposeAsync() => _provider.DisposeAsync();
}
