using System.CommandLine;
using Grpc.Core;
using IntegrationHub.Contracts.Routing.V1;
using Spectre.Console;

namespace IntegrationHub.Cli.Commands;

/// <summary>
/// hubctl decisions watch: one line per decision as the hub makes it, until Ctrl-C. Lines rather than a table, so a
/// row is printed the moment its decision arrives and the output can be piped into grep or a log.
/// </summary>
internal static class DecisionWatchCommand
{
    public static Command Create(HubOptions hub, IAnsiConsole console)
    {
        var rep = new Option<string?>("--rep") { Description = "Only decisions for this rep id" };
        var rule = new Option<string?>("--rule") { Description = "Only decisions this rule made (geo_pool, …)" };
        var command = new Command(
            "watch",
            "Print each new decision as one line as the hub makes it, until Ctrl-C (the decisions of the hub instance "
                + "connected to)"
        )
        {
            rep,
            rule,
        };
        HubAction.Set(command, hub, console, async (connection, parse, ct) =>
        {
            using var call = new RoutingService.RoutingServiceClient(connection.Invoker).WatchDecisions(
                new WatchDecisionsRequest { RepId = parse.GetValue(rep) ?? "", Rule = parse.GetValue(rule) ?? "" },
                cancellationToken: ct
            );
            try
            {
                // The hub sends its headers once the watch is in place: from here on no decision is missed.
                await call.ResponseHeadersAsync;
                console.WriteLine($"Watching new decisions at {connection.Address} (Ctrl-C to stop).");
                console.WriteLine(Line("At", "Kind", "Rule", "Decision", "Target"));
                await foreach (var item in call.ResponseStream.ReadAllAsync(ct))
                {
                    console.WriteLine(Row(item.Decision));
                }
            }
            catch (Exception ex) when (ct.IsCancellationRequested && ex is RpcException or OperationCanceledException)
            {
                // Ctrl-C: the operator has seen what they wanted.
            }

            return HubAction.Done;
        });
        return command;
    }

    /// <summary>One decision on one line: when, what, by which rule, its id (for explain) and who got it.</summary>
    private static string Row(Decision d)
    {
        var missing = DecisionCommands.Missing(d);
        return Line(
            Tables.Format(d.CreateTime),
            d.Kind == DecisionKind.Lead ? "lead" : "visitor",
            d.MatchedRule.Length > 0 ? d.MatchedRule : "-",
            d.Id,
            DecisionCommands.Target(d.Target) + (missing.Length > 0 ? $"  [degraded: {missing}]" : "")
        );
    }

    private static string Line(string at, string kind, string rule, string id, string target) =>
        string.Join("  ", at.PadRight(20), kind.PadRight(7), rule.PadRight(22), id.PadRight(26), target);
}
