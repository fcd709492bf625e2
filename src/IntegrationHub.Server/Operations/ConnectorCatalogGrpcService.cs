using Grpc.Core;
using IntegrationHub.Contracts.Routing.V1;
using IntegrationHub.Hub.Capabilities;
using IntegrationHub.Hub.Credentials;
using IntegrationHub.Hub.Sandbox;
using IntegrationHub.Sdk.Capabilities;
using IntegrationHub.Server.Capabilities.Remote;
using IntegrationHub.Server.Plugins;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace IntegrationHub.Server.Operations;

/// <summary>Lists the connectors the hub found, what each serves, and their health.</summary>
public sealed class ConnectorCatalogGrpcService(
    ConnectorCatalog catalog,
    HealthCheckService health,
    VendorRehearsal rehearsal,
    RemoteEndpoints remotes,
    ILogger<ConnectorCatalogGrpcService> logger
) : ConnectorCatalogService.ConnectorCatalogServiceBase
{
    public override async Task<ListConnectorsResponse> ListConnectors(
        ListConnectorsRequest request,
        ServerCallContext context
    )
    {
        // A remote that was not up when the hub started is asked again, so it is listed by the name it gives.
        await Task.WhenAll(
            remotes.All.Select(r => RemoteDescription.DescribeAsync(r, logger, context.CancellationToken))
        );
        var report = await health.CheckHealthAsync(context.CancellationToken);
        var response = new ListConnectorsResponse();
        foreach (var discovered in catalog.Discovered.OrderBy(d => d.Descriptor.Name, StringComparer.Ordinal))
        {
            var serving = catalog.Bindings.Values.Where(b => b.Connector == discovered).ToList();
            var info = new ConnectorInfo
            {
                Name = discovered.Descriptor.Name,
                Version = discovered.Descriptor.Version,
                Origin = discovered.Origin == ConnectorOrigin.PluginsFolder ? "plugins-folder" : "referenced",
                Sandbox = serving.Any(b => b.Sandbox),
                SandboxCondition = rehearsal.ConditionOf(discovered.Descriptor.Name) is { } condition
                    ? VendorConditionMapping.ToContract(discovered.Descriptor.Name, condition)
                    : null,
            };
            info.Capabilities.AddRange(discovered.Descriptor.Capabilities.Select(c => c.Key()));
            info.ServingCapabilities.AddRange(serving.Select(b => b.Capability.Key()));
            SetHealth(info, serving, report);
            response.Connectors.Add(info);
        }

        foreach (var remote in catalog.Bindings.Values.Where(b => b.RemoteEndpoint is not null))
        {
            var identity = remote.Remote!;
            var info = new ConnectorInfo
            {
                Name = remote.ConnectorName,
                Version = identity.Version,
                Origin = "remote",
                Endpoint = remote.RemoteEndpoint!.ToString(),
            };
            info.Capabilities.AddRange(identity.Capabilities is [_, ..] said ? said : [remote.Capability.Key()]);
            info.ServingCapabilities.Add(remote.Capability.Key());
            SetHealth(info, [remote], report);
            if (identity.Problem is { } problem)
            {
                info.HealthDetail = string.Join(
                    "; ",
                    new[] { info.HealthDetail, $"named by address: {problem}" }.Where(d => d.Length > 0)
                );
            }
            response.Connectors.Add(info);
        }

        return response;
    }

    private static void SetHealth(ConnectorInfo info, IReadOnlyList<CapabilityBinding> serving, HealthReport report)
    {
        if (serving.Count == 0)
        {
            return;
        }

        var entries = serving
            .SelectMany(b => report.Entries.Values.Where(e => e.Tags.Contains(b.Capability.Key())))
            .ToList();
        var worst = entries.Select(e => e.Status).DefaultIfEmpty(HealthStatus.Healthy).Min();
        info.Health = worst switch
        {
            HealthStatus.Healthy => ConnectorHealth.Healthy,
            HealthStatus.Degraded => ConnectorHealth.Degraded,
            _ => ConnectorHealth.Unhealthy,
        };
        info.HealthDetail = string.Join(
            "; ",
            entries.Where(e => e.Status != HealthStatus.Healthy).Select(e => e.Description).Distinct()
        );
    }
}
