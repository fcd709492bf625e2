using System.CommandLine;
using System.Text.Json.Nodes;
using IntegrationHub.Cli.Output;
using IntegrationHub.Contracts.Routing.V1;
using Spectre.Console;

namespace IntegrationHub.Cli.Commands;

/// <summary>hubctl dead-letters: side effects the hub gave up delivering, and putting one back in the queue.</summary>
internal static class DeadLetterCommands
{
    public static Command Create(HubOptions hub, IAnsiConsole console) =>
        new("dead-letters", "List dead-lettered side effects and retry them once the cause is fixed")
        {
            List(hub, console),
            Retry(hub, console),
        };

    private static Command List(HubOptions hub, IAnsiConsole console)
    {
        var type = new Option<string?>("--type")
        {
            Description = "Only effects of this type, like crm.upsert_lead or sequencing.enroll",
        };
        var command = new Command("list", "List dead-lettered side effects, oldest first, with the outbox's depth")
        {
            type,
        };
        HubAction.Set(command, hub, console, async (connection, parse, ct) =>
        {
            var outbox = new OutboxService.OutboxServiceClient(connection.Invoker);
            var table = Tables.Create(null, "Effect", "Type", "Decision", "Attempts", "Last error", "Created");
            var effects = new List<OutboxEffect>();
            string token = "";
            var count = 0;
            do
            {
                var page = await outbox.ListDeadLettersAsync(
                    new ListDeadLettersRequest
                    {
                        Type = parse.GetValue(type) ?? "",
                        PageSize = 100,
                        PageToken = token,
                    },
                    cancellationToken: ct
                );
                foreach (var e in page.Effects)
                {
                    table.Row(e.Id, e.Type, e.DecisionId, e.Attempts, e.LastError, e.CreateTime);
                    effects.Add(e);
                    count++;
                }

                token = page.NextPageToken;
            } while (token.Length > 0);

            // Counted after listing, so the totals never show fewer dead than the rows above.
            var stats = await outbox.GetOutboxStatsAsync(new GetOutboxStatsRequest(), cancellationToken: ct);
            var output = hub.OutputFor(parse, console);
            if (!output.IsTable)
            {
                // Every page at once, and the outbox's depth beside them.
                return output.Write(
                    new JsonObject { ["effects"] = ResultTree.Of(effects), ["stats"] = ResultTree.Of(stats) }
                );
            }

            var since = stats.OldestPendingCreateTime is { } oldest ? $" (oldest since {Tables.Format(oldest)})" : "";
            console.MarkupLineInterpolated($"Outbox: {stats.Pending} pending{since}, {stats.Dead} dead.");
            if (count == 0)
            {
                console.MarkupLine("[green]No dead letters.[/]");
                return HubAction.Done;
            }

            console.Write(table);
            console.MarkupLine(
                "Retry one with [bold]hubctl dead-letters retry <effect>[/]; it keeps its idempotency key, so a "
                    + "vendor that got an earlier attempt does not act twice."
            );
            return HubAction.Done;
        });
        return command;
    }

    private static Command Retry(HubOptions hub, IAnsiConsole console)
    {
        var id = new Argument<string[]>("effect")
        {
            Description = "One or more dead-lettered effect ids",
            Arity = ArgumentArity.OneOrMore,
        };
        var command = new Command("retry", "Put dead-lettered effects back in the queue with a fresh attempt count")
        {
            id,
        };
        HubAction.Set(command, hub, console, async (connection, parse, ct) =>
        {
            var outbox = new OutboxService.OutboxServiceClient(connection.Invoker);
            var output = hub.OutputFor(parse, console);
            var queued = new List<OutboxEffect>();
            foreach (var effect in parse.GetValue(id)!)
            {
                var retried = (
                    await outbox.RetryDeadLetterAsync(new RetryDeadLetterRequest { Id = effect }, cancellationToken: ct)
                ).Effect;
                queued.Add(retried);
                if (!output.IsTable)
                {
                    continue;
                }

                var next = Tables.Format(retried.NextAttemptTime);
                console.MarkupLineInterpolated(
                    $"[green]Queued again[/]: {retried.Id} ({retried.Type}), next attempt {next}."
                );
            }

            return output.IsTable
                ? HubAction.Done
                : output.Write(new JsonObject { ["effects"] = ResultTree.Of(queued) });
        });
        return command;
    }
}
