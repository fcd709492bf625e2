using System.CommandLine;
using Google.Protobuf.WellKnownTypes;
using IntegrationHub.Contracts.Routing.V1;
using Spectre.Console;

namespace IntegrationHub.Cli.Commands;

/// <summary>hubctl decisions: list recent decisions and explain one.</summary>
internal static class DecisionCommands
{
    public static Command Create(HubOptions hub, IAnsiConsole console) =>
        new("decisions", "List routing decisions, explain one, watch new ones")
        {
            List(hub, console),
            Explain(hub, console),
            DecisionWatchCommand.Create(hub, console),
        };

    private static Command List(HubOptions hub, IAnsiConsole console)
    {
        var since = Since.Option("--since", "How far back: 30m, 24h, 7d", TimeSpan.FromHours(1));
        var rep = new Option<string?>("--rep") { Description = "Only decisions for this rep id" };
        var rule = new Option<string?>("--rule")
        {
            Description = "Only decisions this rule made (geo_pool, public_sector, …)",
        };
        var limit = new Option<int>("--limit")
        {
            Description = "At most this many, newest first (1–500)",
            DefaultValueFactory = _ => 20,
        };
        var command = new Command("list", "List recent decisions, newest first") { since, rep, rule, limit };
        HubAction.Answer(
            command,
            hub,
            console,
            async (connection, parse, ct) =>
                await new RoutingService.RoutingServiceClient(connection.Invoker).ListDecisionsAsync(
                    new ListDecisionsRequest
                    {
                        StartTime = Timestamp.FromDateTimeOffset(HubClock.Now - parse.GetValue(since)),
                        RepId = parse.GetValue(rep) ?? "",
                        Rule = parse.GetValue(rule) ?? "",
                        PageSize = parse.GetValue(limit),
                    },
                    cancellationToken: ct
                ),
            (response, parse) =>
            {
                var table = Tables.Create(
                    $"{response.Decisions.Count} decisions",
                    "Decision",
                    "At",
                    "Kind",
                    "Rule",
                    "Target",
                    "Degraded: missing"
                );
                foreach (var d in response.Decisions)
                {
                    table.Row(
                        d.Id,
                        d.CreateTime,
                        d.Kind == DecisionKind.Lead ? "lead" : "visitor",
                        d.MatchedRule,
                        Target(d.Target),
                        Missing(d)
                    );
                }

                console.Write(table);
                return HubAction.Done;
            }
        );
        return command;
    }

    /// <summary>What a degraded decision was made without, on one line: "company (SixSense failed)".</summary>
    public static string Missing(Decision decision) =>
        decision.Degraded
            ? string.Join(
                ", ",
                decision
                    .Explanation.Sources.Where(s => s.Status is SourceStatus.Failed or SourceStatus.TimedOut)
                    .Select(s =>
                        $"{s.Source} ({s.Connector} {(s.Status == SourceStatus.TimedOut ? "late" : "failed")})"
                    )
            )
            : "";

    private static Command Explain(HubOptions hub, IAnsiConsole console)
    {
        var id = new Argument<string>("decision-id")
        {
            Description = "The decision's id (from a response, hubctl decisions list, or the dashboard)",
        };
        var command = new Command(
            "explain",
            "Explain a decision: every rule and why it matched or not, each fact source, fallbacks and alerts"
        )
        {
            id,
        };
        HubAction.Answer(
            command,
            hub,
            console,
            async (connection, parse, ct) =>
                await new RoutingService.RoutingServiceClient(connection.Invoker).GetDecisionAsync(
                    new GetDecisionRequest { DecisionId = parse.GetValue(id)! },
                    cancellationToken: ct
                ),
            (response, parse) =>
            {
                var d = response.Decision;
                var kind = d.Kind == DecisionKind.Lead ? "Lead" : "Visitor";
                var at = Tables.Format(d.CreateTime);
                console.MarkupLineInterpolated($"[bold]{kind} decision {d.Id}[/] at {at} (request {d.RequestId})");
                DecisionView.Write(console, d);
                return HubAction.Done;
            }
        );
        return command;
    }

    /// <summary>Who or what got it, in words.</summary>
    public static string Target(RoutingTarget t) =>
        t.Kind switch
        {
            TargetKind.HumanRep =>
                $"{Or(t.RepName, t.RepId)}{(t.Pool.Length > 0 ? $" (round robin in {t.Pool})" : "")}",
            TargetKind.AiRep => $"AI rep {Or(t.RepName, t.RepId)}",
            TargetKind.MeetingOffer => $"meeting offer with {Or(t.RepName, t.RepId)}",
            TargetKind.MarketingQueue => $"marketing queue {t.RepId}",
            TargetKind.Spam => "spam",
            _ => "not routed",
        };

    private static string Or(string value, string fallback) => value.Length > 0 ? value : fallback;
}
