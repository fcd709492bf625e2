using Grpc.Core;
using Grpc.Health.V1;
using IntegrationHub.Connectors.Outreach.Fake;
using IntegrationHub.Contracts.Routing.V1;
using IntegrationHub.Sdk.Capabilities;
using IntegrationHub.Server.Health;
using IntegrationHub.Server.Tests.Routing;
using IntegrationHub.Testing;
using IntegrationHub.Testing.Postgres;
using Npgsql;
using Xunit.Abstractions;

namespace IntegrationHub.Server.Tests.MultiInstance;

/// <summary>
/// Outreach's refresh token works once. Real hub processes share it through their store: two
/// hubs on one PostgreSQL that need a token at the same moment spend it once between them, and a
/// hub killed with SIGKILL at any step of a refresh the vendor fake holds still enrols the lead
/// after a restart, with nobody re-authorizing anything. The one step no client can cover (the
/// vendor rotated, the answer never arrived) shows as refused credentials at once and is cured
/// by the documented re-authorization.
/// </summary>
public sealed class OutreachRefreshFaultTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly string SequencingHealth = CapabilityServiceNames.ByCapability[Capability.Sequencing];
    private ExternalVendors _vendors = null!;

    public async Task InitializeAsync() => _vendors = await ExternalVendors.StartAsync();

    public async Task DisposeAsync() => await _vendors.DisposeAsync();

    [Fact]
    public async Task Two_hubs_on_one_postgresql_needing_a_token_at_once_refresh_once_at_the_vendor_and_both_enrol()
    {
        var database = PostgresCluster.Shared.CreateDatabase("refresh");
        var settings = Settings();
        settings["Storage:Provider"] = "PostgreSql";
        settings["Storage:PostgreSql:ConnectionString"] = database;
        // One delivery at a time per hub: the hub whose enrolment is held at the vendor cannot take the other lead's
        // enrolment too (it would wait for its own refresh in process, never for the other hub's lock), so the other
        // hub's dispatcher takes it and waits for the lock.
        settings["Storage:Outbox:BatchSize"] = "1";
        var started = await Task.WhenAll(HubProcess.StartAsync(settings), HubProcess.StartAsync(settings));
        await using var a = started[0];
        await using var b = started[1];
        var held = _vendors.Sequencer.PauseAt(OutreachStep.TokenRequestArrived);

        var routed = new[]
        {
            RouteInBackground(a, "two-a", "buyer@refresh-a.io"),
            RouteInBackground(b, "two-b", "buyer@refresh-b.io"),
        };
        await held.Reached.WaitAsync(TimeSpan.FromSeconds(60));
        // One hub's refresh is at the vendor; the other needs a token too and waits for the lock.
        await SandboxHub.EventuallyAsync(
            () => WaitingForAdvisoryLock(database) > 0,
            "the second hub waiting for the first one's refresh",
            seconds: 60
        );
        held.Release();
        await Task.WhenAll(routed);

        await SandboxHub.EventuallyAsync(
            () => _vendors.Enrolments("buyer@refresh-a.io") == 1 && _vendors.Enrolments("buyer@refresh-b.io") == 1,
            "both leads enrolled",
            seconds: 60
        );
        output.WriteLine(
            $"[two hubs] token requests at the vendor {_vendors.Sequencer.CountRequests("POST", "/oauth/token")}, "
                + $"refreshes {_vendors.Sequencer.TokensIssued}"
        );
        Assert.Equal(1, _vendors.Sequencer.TokensIssued);
        Assert.Equal(1, _vendors.Sequencer.CountRequests("POST", "/oauth/token"));
        Assert.All(new[] { a, b }, hub =>
            Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, SequencingStatus(hub))
        );
    }

    [Theory]
    [InlineData(OutreachStep.TokenRequestArrived)]
    [InlineData(OutreachStep.FirstCallWithNewToken)]
    [InlineData(OutreachStep.EnrolmentArrived)]
    public async Task A_hub_killed_at_a_step_of_a_refresh_enrols_the_lead_after_a_restart_with_nobody_re_authorizing(
        OutreachStep step
    )
    {
        var settings = Settings();
        var held = _vendors.Sequencer.PauseAt(step);
        await using (var first = await HubProcess.StartAsync(settings))
        {
            var routing = RouteInBackground(first, "killed-1", "buyer@killed-co.io");
            await held.Reached.WaitAsync(TimeSpan.FromSeconds(60));
            await first.KillAsync();
            await routing;
        }

        // Before the vendor acted on it, the request is lost with the hub; later ones, the vendor finishes.
        if (step == OutreachStep.TokenRequestArrived)
        {
            held.Drop();
        }
        else
        {
            held.Release();
        }

        await using var second = await HubProcess.StartAsync(settings);
        // The caller got no answer (or is unsure) and sends the lead again with its request id.
        await new RoutingService.RoutingServiceClient(second.Channel).RouteLeadAsync(
            Lead("killed-1", "buyer@killed-co.io")
        );
        var outbox = new OutboxService.OutboxServiceClient(second.Channel);
        await SandboxHub.EventuallyAsync(
            () =>
                _vendors.Enrolments("buyer@killed-co.io") == 1
                && outbox.GetOutboxStats(new GetOutboxStatsRequest()) is { Pending: 0 },
            "the lead enrolled and the outbox drained after the restart",
            seconds: 90
        );

        output.WriteLine(
            $"[killed at {step}] refreshes at the vendor {_vendors.Sequencer.TokensIssued}, enrolment requests "
                + $"{_vendors.RawEnrolments}"
        );
        Assert.Equal(1, _vendors.Enrolments("buyer@killed-co.io"));
        Assert.Equal(1, _vendors.Sequencer.TokensIssued);
        Assert.Equal(0, (await outbox.GetOutboxStatsAsync(new GetOutboxStatsRequest())).Dead);
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, SequencingStatus(second));
    }

    [Fact]
    public async Task A_hub_killed_between_rotation_and_answer_says_credentials_refused_and_enrols_after_reauthorizing()
    {
        var settings = Settings();
        var held = _vendors.Sequencer.PauseAt(OutreachStep.TokenRotated);
        await using (var first = await HubProcess.StartAsync(settings))
        {
            var routing = RouteInBackground(first, "window-1", "buyer@window-co.io");
            await held.Reached.WaitAsync(TimeSpan.FromSeconds(60));
            await first.KillAsync();
            await routing;
        }

        held.Release();
        await using (var second = await HubProcess.StartAsync(settings))
        {
            await new RoutingService.RoutingServiceClient(second.Channel).RouteLeadAsync(
                Lead("window-1", "buyer@window-co.io")
            );
            await SandboxHub.EventuallyAsync(
                () => SequencingStatus(second) == HealthCheckResponse.Types.ServingStatus.NotServing,
                "sequencing NOT_SERVING",
                seconds: 60
            );
            var outreach = (
                await new ConnectorCatalogService.ConnectorCatalogServiceClient(second.Channel).ListConnectorsAsync(
                    new ListConnectorsRequest()
                )
            ).Connectors.Single(c => c.Name == "Outreach");
            output.WriteLine($"[window] {outreach.Health}: {outreach.HealthDetail}");
            Assert.Equal(ConnectorHealth.Unhealthy, outreach.Health);
            Assert.Contains("credentials refused since", outreach.HealthDetail, StringComparison.Ordinal);
            Assert.Equal(0, _vendors.Enrolments("buyer@window-co.io"));
            await second.KillAsync();
        }

        // The README's step: re-authorize the app in Outreach, configure the new refresh token, restart.
        settings["Connectors:Outreach:RefreshToken"] = _vendors.Sequencer.RotateElsewhere();
        await using var third = await HubProcess.StartAsync(settings);
        var outbox = new OutboxService.OutboxServiceClient(third.Channel);
        await SandboxHub.EventuallyAsync(
            () =>
                _vendors.Enrolments("buyer@window-co.io") == 1
                && outbox.GetOutboxStats(new GetOutboxStatsRequest()) is { Pending: 0 },
            "the lead enrolled after re-authorization",
            seconds: 90
        );
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, SequencingStatus(third));
    }

    private Dictionary<string, string?> Settings()
    {
        var settings = _vendors.RestartableHubSettings("refresh", maxBackoff: TimeSpan.FromSeconds(1));
        settings["Storage:Outbox:MaxAttempts"] = "100";
        // A held token request must not be retried by the hub's own attempt timeout meanwhile.
        settings["Connectors:Outreach:Resilience:AttemptTimeout"] = "00:02:00";
        settings["Connectors:Outreach:Resilience:TotalTimeout"] = "00:03:00";
        return settings;
    }

    /// <summary>Routes a lead without waiting on the test's thread: the hub may die under it.</summary>
    private static Task RouteInBackground(HubProcess hub, string requestId, string email) =>
        Task.Run(async () =>
        {
            using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            try
            {
                await new RoutingService.RoutingServiceClient(hub.Channel).RouteLeadAsync(
                    Lead(requestId, email),
                    cancellationToken: limit.Token
                );
            }
            catch (RpcException)
            {
                // The hub died under this request; the test sends it again.
            }
        });

    private static RouteLeadRequest Lead(string requestId, string email) =>
        new() { RequestId = requestId, Lead = SandboxHub.Lead(email, $"Refresh Co {requestId}", "DE", "Engineer") };

    private static HealthCheckResponse.Types.ServingStatus SequencingStatus(HubProcess hub) =>
        new Grpc.Health.V1.Health.HealthClient(hub.Channel)
            .Check(new HealthCheckRequest { Service = SequencingHealth })
            .Status;

    private static long WaitingForAdvisoryLock(string connectionString)
    {
        using var connection = new NpgsqlConnection(connectionString);
        connection.Open();
        using var command = new NpgsqlCommand(
            "SELECT count(*) FROM pg_locks WHERE locktype = 'advisory' AND NOT granted",
            connection
        );
        return (long)command.ExecuteScalar()!;
    }
}
