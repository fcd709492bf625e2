using Google.Protobuf.WellKnownTypes;
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
    CredentialRefusals refusals,
    RemoteEndpoints remotes,
    ILogger<ConnectorCatalogGrpcService> logger
) : ConnectorCatalogService.ConnectorCatalogServiceBase
{
    public override async Task<ListConnectorsResponse> ListConnectors(
        ListConnectorsRequest request,
        ServerCallContext context
    )
    {
        var response = new ListConnectorsResponse();
        response.Connectors.AddRange(await ConnectorsAsync(context.CancellationToken));
        return response;
    }

    /// <summary>The same list for routing-scoped screens; where a remote connector runs is for admins.</summary>
    public override async Task<ListConnectorStatusesResponse> ListConnectorStatuses(
        ListConnectorStatusesRequest request,
        ServerCallContext context
    )
    {
        var response = new ListConnectorStatusesResponse();
        foreach (var info in await ConnectorsAsync(context.CancellationToken))
        {
            info.Endpoint = "";
            response.Connectors.Add(info);
        }

        return response;
    }

    private async Task<List<ConnectorInfo>> ConnectorsAsync(CancellationToken cancellationToken)
    {
        // A remote that was not up when the hub started is asked again, so it is listed by the name it gives.
        await Task.WhenAll(remotes.All.Select(r => RemoteDescription.DescribeAsync(r, logger, cancellationToken)));
        var report = await health.CheckHealthAsync(cancellationToken);
        var response = new List<ConnectorInfo>();
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
                CredentialsRefusedTime = refusals.Of(discovered.Descriptor.Name) is { } refusal
                    ? Timestamp.FromDateTimeOffset(refusal.Since)
                    : null,
            };
            info.Capabilities.AddRange(discovered.Descriptor.Capabilities.Select(c => c.Key()));
            info.ServingCapabilities.AddRange(serving.Select(b => b.Capability.Key()));
            SetHealth(info, serving, report);
            response.Add(info);
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

            response.Add(info);
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
