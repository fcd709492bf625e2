using Grpc.Core;
using Grpc.Health.V1;
using IntegrationHub.Contracts.Connector.V1;

namespace IntegrationHub.Cli.Conformance;

/// <summary>What every remote connector serves, whatever its capability: Describe and grpc.health.v1.</summary>
internal static class CommonChecks
{
    public static IEnumerable<ConformanceCheck> For(RemoteUnderTest remote, Capability capability, string service)
    {
        yield return new ConformanceCheck("describe", async ct =>
        {
            var answer = await new ConnectorService.ConnectorServiceClient(remote.Invoker).DescribeAsync(
                new DescribeRequest(),
                deadline: remote.Deadline(),
                cancellationToken: ct
            );
            if (string.IsNullOrWhiteSpace(answer.Name) || answer.Name.Length > 64)
            {
                return "Describe must give a name of 1 to 64 characters";
            }

            return !answer.Capabilities.Contains(capability)
                ? $"Describe lists [{string.Join(", ", answer.Capabilities)}], not {capability}"
                : null;
        });
        yield return new ConformanceCheck("health", async ct =>
        {
            var health = new Health.HealthClient(remote.Invoker);
            HealthCheckResponse answer;
            try
            {
                answer = await health.CheckAsync(
                    new HealthCheckRequest { Service = service },
                    deadline: remote.Deadline(),
                    cancellationToken: ct
                );
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.NotFound)
            {
                answer = await health.CheckAsync(
                    new HealthCheckRequest(),
                    deadline: remote.Deadline(),
                    cancellationToken: ct
                );
            }

            return answer.Status == HealthCheckResponse.Types.ServingStatus.Serving
                ? null
                : $"grpc.health.v1 says {answer.Status} for '{service}'";
        });
    }
}
