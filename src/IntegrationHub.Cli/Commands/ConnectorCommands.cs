using System.CommandLine;
using IntegrationHub.Contracts.Routing.V1;
using Spectre.Console;

namespace IntegrationHub.Cli.Commands;

/// <summary>hubctl connectors: the connector plugins the hub found, what they serve, and their health.</summary>
internal static class ConnectorCommands
{
    public static Command Create(HubOptions hub, IAnsiConsole console)
    {
        var command = new Command(
            "connectors",
            "List the connectors the hub loaded, the capabilities each serves, and their health"
        );
        HubAction.Set(command, hub, console, async (connection, parse, ct) =>
        {
            var response = await new ConnectorCatalogService.ConnectorCatalogServiceClient(
                connection.Invoker
            ).ListConnectorsAsync(new ListConnectorsRequest(), cancellationToken: ct);
            var healthy = response.Connectors.All(c => c.Health == ConnectorHealth.Healthy);
            var output = hub.OutputFor(parse, console);
            if (!output.IsTable)
            {
                return output.Write(response, healthy ? HubAction.Done : HubAction.Refused);
            }

            var table = Tables.Create(
                $"{response.Connectors.Count} connectors at {connection.Address}",
                "Connector",
                "Version",
                "Serves",
                "Origin",
                "Health",
                "Detail"
            );
            foreach (var c in response.Connectors.OrderBy(c => c.Name, StringComparer.Ordinal))
            {
                var health = c.Health switch
                {
                    ConnectorHealth.Healthy => new Markup("[green]healthy[/]"),
                    ConnectorHealth.Degraded => new Markup("[yellow]degraded[/]"),
                    ConnectorHealth.Unhealthy => new Markup("[red]unhealthy[/]"),
                    _ => new Markup("unknown"),
                };
                var origin = c.Sandbox ? $"{c.Origin} (sandbox)" : c.Origin;
                var detail = c.SandboxCondition is { Kind: not VendorConditionKind.Healthy } condition
                    ? $"sandbox vendor {SandboxCommands.Describe(condition)}. {c.HealthDetail}".TrimEnd()
                    : c.HealthDetail;
                table.Row(c.Name, c.Version, string.Join(", ", c.ServingCapabilities), origin, health, detail);
            }

            console.Write(table);
            return healthy ? HubAction.Done : HubAction.Refused;
        });
        return command;
    }
}
