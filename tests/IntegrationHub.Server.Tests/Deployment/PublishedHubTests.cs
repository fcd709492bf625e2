using Grpc.Health.V1;
using IntegrationHub.Contracts.Routing.V1;
using IntegrationHub.Testing;
using IntegrationHub.Testing.Postgres;
using IntegrationHub.Testing.Redis;
using Npgsql;
using StackExchange.Redis;

namespace IntegrationHub.Server.Tests.Deployment;

/// <summary>
/// What an operator deploys, run as one: the host published into a folder, started from another working directory
/// with <c>dotnet IntegrationHub.Host.dll</c> and nothing but environment variables — PostgreSQL, Redis, the API
/// key, an OTLP endpoint, the vendors' addresses and credentials (the fakes, outside the hub), sandbox off — serving
/// health and routing a visitor over a real gRPC channel with the key.
/// </summary>
public sealed class PublishedHubTests : IAsyncLifetime
{
    // Under this checkout's test output, not /tmp: a hub left behind by a runner killed mid-test is then one of those
    // test.sh stops by their path, and no 55 MB folder outlives the checkout.
    private readonly string _folder = Path.Combine(AppContext.BaseDirectory, $"published-{Guid.NewGuid():N}");
    private readonly string _workingDirectory = Path.Combine(Path.GetTempPath(), $"hub-workdir-{Guid.NewGuid():N}");
    private readonly string _database = PostgresCluster.Shared.CreateDatabase("published");
    private ExternalVendors _vendors = null!;
    private RedisServer _redis = null!;
    private HubProcess _hub = null!;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_workingDirectory);
        await PublishedHub.PublishAsync(_folder);
        _vendors = await ExternalVendors.StartAsync();
        _redis = await RedisServer.StartAsync();
        var settings = new Dictionary<string, string?>(_vendors.Settings)
        {
            ["Storage:Provider"] = "PostgreSql",
            ["Storage:PostgreSql:ConnectionString"] = _database,
            ["Caching:Redis"] = _redis.Configuration,
            // Nothing listens there: what is shown is that an exporter configured by environment does not stop a hub.
            ["Telemetry:Otlp:Endpoint"] = $"http://127.0.0.1:{HubProcess.FreePort()}",
        };
        foreach (var (key, value) in HubCredentials.Settings())
        {
            settings[key] = value;
        }

        _hub = await PublishedHub.StartAsync(_folder, _workingDirectory, settings);
    }

    public async Task DisposeAsync()
    {
        await _hub.DisposeAsync();
        await _redis.DisposeAsync();
        await _vendors.DisposeAsync();
        Directory.Delete(_folder, recursive: true);
        Directory.Delete(_workingDirectory, recursive: true);
    }

    [Fact]
    public async Task The_published_folder_configured_by_environment_alone_serves_health_and_routes_a_visitor()
    {
        // The hub as a whole, and the CRM served by the connector the environment configured.
        foreach (var service in new[] { "", "integrationhub.crm.v1.CrmService" })
        {
            var health = await new Grpc.Health.V1.Health.HealthClient(_hub.Channel).CheckAsync(
                new HealthCheckRequest { Service = service },
                deadline: CallDeadline.In(TimeSpan.FromSeconds(30))
            );
            Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, health.Status);
        }

        // A visitor from Acme Corp, asked about at the vendors whose addresses the environment gave; a cold hub's first
        // look-ups can miss the decision's deadline, so it is asked again until a decision has every fact.
        var routing = new RoutingService.RoutingServiceClient(_hub.Channel);
        Decision decision = null!;
        await Eventually.HappensAsync(
            async () =>
            {
                var request = new RouteVisitorRequest
                {
                    RequestId = Guid.NewGuid().ToString("N"),
                    IpAddress = "203.0.113.5",
                    PageUrl = "https://www.example.com/pricing",
                };
                decision = (
                    await routing.RouteVisitorAsync(request, deadline: CallDeadline.In(TimeSpan.FromSeconds(30)))
                ).Decision;
                return !decision.Degraded;
            },
            "a decision with every fact"
        );

        Assert.Equal("actively_working_account", decision.MatchedRule);
        Assert.Contains(decision.Explanation.Sources, s => s.Connector == "Salesforce" && s.Source == "account");
        Assert.True(_vendors.AccountByDomainCalls > 0, "the CRM fake was never asked");
        Assert.Equal(1L, await StoredDecisionsAsync(decision.Id));
        Assert.True(await SharedCacheEntriesAsync() > 0, "nothing in the shared cache");
        Assert.DoesNotContain("Sandbox mode", _hub.Output, StringComparison.Ordinal);
        Assert.True(_hub.ErrorLines == 0, _hub.Output);
    }

    private async Task<long> StoredDecisionsAsync(string id)
    {
        await using var connection = new NpgsqlConnection(_database);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM decisions WHERE id = @id", connection);
        command.Parameters.AddWithValue("id", id);
        return (long)(await command.ExecuteScalarAsync())!;
    }

    private async Task<long> SharedCacheEntriesAsync()
    {
        await using var redis = await ConnectionMultiplexer.ConnectAsync(_redis.Configuration);
        return await redis.GetServer(redis.GetEndPoints()[0]).DatabaseSizeAsync();
    }
}
