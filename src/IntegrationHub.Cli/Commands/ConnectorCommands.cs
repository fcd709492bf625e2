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
        HubAction.Answer(
            command,
            hub,
            console,
            async (connection, _, ct) =>
                await new ConnectorCatalogService.ConnectorCatalogServiceClient(connection.Invoker).ListConnectorsAsync(
                    new ListConnectorsRequest(),
                    cancellationToken: ct
                ),
            (response, parse) =>
            {
                var table = Tables.Create(
                    $"{response.Connectors.Count} connectors at {parse.GetValue(hub.Address)}",
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
                return Healthy(response);
            },
            Healthy
        );
        return command;
    }

    /// <summary>0 when every connector is healthy, else 1: the same in a table and in JSON.</summary>
    private static int Healthy(ListConnectorsResponse response) =>
        response.Connectors.All(c => c.Health == ConnectorHealth.Healthy) ? HubAction.Done : HubAction.Refused;
}
