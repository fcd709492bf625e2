using System.Text.RegularExpressions;
using System.Xml.Linq;
using IntegrationHub.Connectors.Marketo;
using IntegrationHub.Connectors.Outreach;
using IntegrationHub.Connectors.Salesforce;
using IntegrationHub.Connectors.SixSense;
using IntegrationHub.Connectors.Zoom;
using IntegrationHub.Sdk.Connectors;
using IntegrationHub.Server.Tests.Hosting;
using Microsoft.Extensions.Configuration;
using YamlDotNet.RepresentationModel;

namespace IntegrationHub.Server.Tests.Deployment;

/// <summary>
/// deploy/compose.yaml cannot be run here (no container engine, no registry): it is held to what the hub needs
/// instead. It parses; each hub gets storage, Redis and OTLP at services of the file, a key, and credentials for every
/// vendor (bound to the connectors' own options, so sandbox mode, which is off, would never be wanted); it listens on
/// the ports the image exposes; every service that can be checked has a health check; example.env names every
/// variable compose insists on.
/// </summary>
public sealed partial class ComposeFileTests
{
    private static readonly string Folder = Path.Combine(Repository.Root, "deploy");
    private static readonly YamlMappingNode Compose = Load(Path.Combine(Folder, "compose.yaml"));
    private static readonly YamlMappingNode Services = Map(Compose, "services");
    private static readonly string[] Hubs = ["hub-a", "hub-b"];
    private static readonly IFormatProvider Invariant = System.Globalization.CultureInfo.InvariantCulture;

    [Fact]
    public void Two_hubs_share_the_files_postgresql_redis_and_collector()
    {
        Assert.Equal(
            ["hub-a", "hub-b", "otel-collector", "postgres", "redis"],
            Services.Children.Keys.Select(k => k.ToString()).Order()
        );
        foreach (var hub in Hubs)
        {
            var settings = Settings(hub);
            Assert.Equal("PostgreSql", settings["Storage:Provider"]);
            Assert.Equal("Off", settings["Sandbox:Mode"]);
            Assert.Contains(
                "Host=postgres;",
                settings["Storage:PostgreSql:ConnectionString"],
                StringComparison.Ordinal
            );
            Assert.Equal("redis:6379", settings["Caching:Redis"]);
            var otlp = new Uri(settings["Telemetry:Otlp:Endpoint"]!);
            Assert.Equal("otel-collector", otlp.Host);
            Assert.EndsWith($":{otlp.Port}", Scalar(Collector(), "receivers", "otlp", "protocols", "grpc", "endpoint"));
            Assert.False(string.IsNullOrEmpty(settings["Auth:Keys:0:Sha256"]));
            Assert.Equal("admin", settings["Auth:Keys:0:Scopes:0"]);
            Assert.Equal(
                ["service_healthy", "service_healthy"],
                new[] { "postgres", "redis" }.Select(s => Scalar(Map(Services, hub), "depends_on", s, "condition"))
            );
        }
    }

    [Fact]
    public void Every_vendor_has_credentials_from_the_environment_so_no_fake_would_start()
    {
        foreach (var hub in Hubs)
        {
            var settings = new ConfigurationBuilder().AddInMemoryCollection(Settings(hub)).Build();
            ConnectorOptions[] options =
            [
                Bind<SixSenseOptions>(settings, "SixSense"),
                Bind<SalesforceOptions>(settings, "Salesforce"),
                Bind<OutreachOptions>(settings, "Outreach"),
                Bind<MarketoOptions>(settings, "Marketo"),
                Bind<ZoomOptions>(settings, "Zoom"),
            ];
            Assert.All(options, o => Assert.True(o.HasCredentials, $"{hub}: {o.GetType().Name} has no credentials"));
        }
    }

    [Fact]
    public void The_hubs_listen_on_the_ports_the_image_exposes_and_are_health_checked_there()
    {
        var exposed = XDocument
            .Load(Path.Combine(Repository.Root, "src", "IntegrationHub.Host", "IntegrationHub.Host.csproj"))
            .Descendants("ContainerPort")
            .Select(p => (string)p.Attribute("Include")!)
            .Order()
            .ToList();
        foreach (var hub in Hubs)
        {
            var settings = Settings(hub);
            var grpc = new Uri(settings["Kestrel:Endpoints:Grpc:Url"]!);
            var http = new Uri(settings["Kestrel:Endpoints:Http:Url"]!);
            Assert.Equal(exposed, new[] { grpc.Port, http.Port }.Select(p => p.ToString(Invariant)).Order());
            Assert.All(new[] { grpc, http }, u => Assert.Equal("0.0.0.0", u.Host));
            var published = ((YamlSequenceNode)Map(Services, hub)["ports"]).Select(p => p.ToString().Split(':')[^1]);
            Assert.Equal(exposed, published.Order());
            Assert.Contains($"/dev/tcp/127.0.0.1/{http.Port} ", HealthCheck(hub), StringComparison.Ordinal);
        }

        Assert.All(["postgres", "redis"], s => Assert.NotEmpty(HealthCheck(s)));
    }

    [Fact]
    public void The_collector_receives_otlp_into_a_traces_and_a_metrics_pipeline()
    {
        var pipelines = Map(Collector(), "service", "pipelines");

        Assert.All(["traces", "metrics"], p =>
            Assert.Contains("otlp", ((YamlSequenceNode)Map(pipelines, p)["receivers"]).Select(r => r.ToString()))
        );
        var mounted = ((YamlSequenceNode)Map(Services, "otel-collector")["volumes"]).Single().ToString();
        Assert.StartsWith("./otel-collector.yaml:", mounted, StringComparison.Ordinal);
    }

    [Fact]
    public void Example_env_names_every_variable_compose_requires()
    {
        var text = File.ReadAllText(Path.Combine(Folder, "compose.yaml"));
        var example = File.ReadAllLines(Path.Combine(Folder, "example.env"))
            .Where(l => l.Contains('=', StringComparison.Ordinal) && !l.StartsWith('#'))
            .Select(l => l.Split('=')[0])
            .ToHashSet();

        var required = Required().Matches(text).Select(m => m.Groups[1].Value).Distinct().ToList();

        Assert.NotEmpty(required);
        Assert.All(required, name => Assert.Contains(name, example));
    }

    /// <summary>A hub's environment as configuration keys, each ${NAME…} compose fills in given a value.</summary>
    private static Dictionary<string, string?> Settings(string hub) =>
        Map(Services, hub, "environment")
            .Children.ToDictionary(
                e => e.Key.ToString().Replace("__", ":", StringComparison.Ordinal),
                e => (string?)Interpolated().Replace(e.Value.ToString(), m => $"value-of-{m.Groups[1].Value}")
            );

    private static T Bind<T>(IConfiguration settings, string connector)
        where T : ConnectorOptions, new()
    {
        var options = new T();
        settings.GetSection($"Connectors:{connector}").Bind(options);
        return options;
    }

    private static string HealthCheck(string service) =>
        string.Join(' ', ((YamlSequenceNode)Map(Services, service, "healthcheck")["test"]).Select(t => t.ToString()));

    private static YamlMappingNode Collector() => Load(Path.Combine(Folder, "otel-collector.yaml"));

    private static YamlMappingNode Load(string path)
    {
        var stream = new YamlStream();
        using var reader = new StreamReader(path);
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents.Single().RootNode;
    }

    private static YamlMappingNode Map(YamlMappingNode node, params string[] path) =>
        path.Aggregate(node, (n, key) => (YamlMappingNode)n[key]);

    private static string Scalar(YamlMappingNode node, params string[] path) =>
        Map(node, path[..^1])[path[^1]].ToString();

    [GeneratedRegex(@"\$\{([A-Z0-9_]+)[^}]*\}")]
    private static partial Regex Interpolated();

    [GeneratedRegex(@"\$\{([A-Z0-9_]+):\?")]
    private static partial Regex Required();
}
