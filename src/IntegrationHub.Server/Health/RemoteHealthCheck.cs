using Grpc.Core;
using Grpc.Health.V1;
using IntegrationHub.Server.Capabilities.Remote;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace IntegrationHub.Server.Health;

/// <summary>
/// A remote connector's health is its own grpc.health.v1 answer, asked for the capability's service name (then for
/// the server as a whole, "", when it does not know that name): a remote that is down or NOT_SERVING makes the
/// capability unhealthy. One that serves no health service at all is reported degraded, since the hub cannot tell.
/// The check also asks Describe until the remote has answered it, so a remote started after the hub gets its name.
/// </summary>
internal sealed class RemoteHealthCheck(RemoteEndpoint endpoint, string serviceName, ILogger logger) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(
        HealthCheckContext context,
        CancellationToken cancellationToken = default
    )
    {
        await RemoteDescription.DescribeAsync(endpoint, logger, cancellationToken);
        var who = $"remote connector {endpoint.Name} at {endpoint.Address}";
        var client = new Grpc.Health.V1.Health.HealthClient(endpoint.Invoker);
        try
        {
            var status = await CheckAsync(client, serviceName, cancellationToken);
            return status switch
            {
                HealthCheckResponse.Types.ServingStatus.Serving => HealthCheckResult.Healthy($"{who}: SERVING"),
                _ => HealthCheckResult.Unhealthy($"{who}: its grpc.health.v1 says {status}"),
            };
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.Unimplemented)
        {
            return HealthCheckResult.Degraded($"{who} serves no grpc.health.v1; its health is unknown");
        }
        catch (RpcException ex)
        {
            return HealthCheckResult.Unhealthy($"{who} cannot be reached: {ex.StatusCode} {ex.Status.Detail}");
        }
    }

    private static async Task<HealthCheckResponse.Types.ServingStatus> CheckAsync(
        Grpc.Health.V1.Health.HealthClient client,
        string service,
        CancellationToken cancellationToken
    )
    {
        try
        {
            return await AskAsync(client, service, cancellationToken);
        }
        catch (RpcException ex) when (ex.StatusCode == StatusCode.NotFound)
        {
            return await AskAsync(client, "", cancellationToken);
        }
    }

    private static async Task<HealthCheckResponse.Types.ServingStatus> AskAsync(
        Grpc.Health.V1.Health.HealthClient client,
        string service,
        CancellationToken cancellationToken
    ) =>
        (
            await client.CheckAsync(
                new HealthCheckRequest { Service = service },
                // grpc-dotnet reads deadlines against the machine's clock, whatever the hub's clock says.
                deadline: TimeProvider.System.GetUtcNow().UtcDateTime + RemoteDescription.Timeout,
                cancellationToken: cancellationToken
            )
        ).Status;
}
