using System.CommandLine;
using IntegrationHub.Contracts.Routing.V1;
using Spectre.Console;

namespace IntegrationHub.Cli.Commands;

/// <summary>hubctl policy publish | history | diff | rollback: the published versions of the routing policy.</summary>
internal static class PolicyVersionCommands
{
    public static IEnumerable<Command> Create(HubOptions hub, IAnsiConsole console) =>
        [Publish(hub, console), History(hub, console), Diff(hub, console), Rollback(hub, console)];

    private static Command Publish(HubOptions hub, IAnsiConsole console)
    {
        var file = new Argument<FileInfo>("file") { Description = "The policy file to publish" };
        var note = Note("Why it is published, kept with the version");
        var command = new Command(
            "publish",
            "Validate a policy file here, then publish it to the hub as the next version; every instance runs it"
        )
        {
            file,
            note,
        };
        HubAction.Set(command, hub, console, async (connection, parse, ct) =>
        {
            var output = hub.OutputFor(parse, console);
            var path = parse.GetValue(file)!.FullName;
            if (PolicyCommands.Load(output, path) is null)
            {
                return HubAction.Invalid;
            }

            var response = await Client(connection)
                .PublishPolicyAsync(
                    new PublishPolicyRequest
                    {
                        PolicyJson = await File.ReadAllTextAsync(path, ct),
                        Note = parse.GetValue(note) ?? "",
                    },
                    cancellationToken: ct
                );
            return output.IsTable ? Published(console, response.Version, response.Changed) : output.Write(response);
        });
        return command;
    }

    private static Command History(HubOptions hub, IAnsiConsole console)
    {
        var limit = new Option<int>("--limit")
        {
            Description = "How many versions to list, newest first (1-100)",
            DefaultValueFactory = _ => 20,
        };
        var command = new Command("history", "List the published policy versions: who, when, how, and which runs")
        {
            limit,
        };
        HubAction.Answer(
            command,
            hub,
            console,
            (connection, parse, ct) =>
                Client(connection)
                    .ListPolicyVersionsAsync(
                        new ListPolicyVersionsRequest { PageSize = parse.GetValue(limit) },
                        cancellationToken: ct
                    )
                    .ResponseAsync,
            (response, _) => HistoryTable(console, response)
        );
        return command;
    }

    private static int HistoryTable(IAnsiConsole console, ListPolicyVersionsResponse response)
    {
        var table = Tables.Create(
            $"Policy versions (running: {response.RunningVersion})",
            "Version",
            "Published",
            "By",
            "How",
            "Reps",
            "Pools",
            "Note"
        );
        foreach (var v in response.Versions)
        {
            table.Row(
                v.Version == response.RunningVersion ? $"{v.Version} (running)" : v.Version,
                v.PublishTime,
                v.PublishedBy,
                How(v),
                v.RepCount,
                v.PoolCount,
                v.Note
            );
        }

        console.Write(table);
        return HubAction.Done;
    }

    private static Command Diff(HubOptions hub, IAnsiConsole console)
    {
        var from = new Argument<long>("from") { Description = "The older version" };
        var to = new Argument<long>("to") { Description = "The newer version" };
        var command = new Command("diff", "Show what changed between two published versions, as a unified diff")
        {
            from,
            to,
        };
        HubAction.Answer(
            command,
            hub,
            console,
            (connection, parse, ct) =>
                Client(connection)
                    .DiffPolicyVersionsAsync(
                        new DiffPolicyVersionsRequest
                        {
                            FromVersion = parse.GetValue(from),
                            ToVersion = parse.GetValue(to),
                        },
                        cancellationToken: ct
                    )
                    .ResponseAsync,
            (response, parse) => DiffText(console, response, parse.GetValue(from), parse.GetValue(to))
        );
        return command;
    }

    private static int DiffText(IAnsiConsole console, DiffPolicyVersionsResponse response, long from, long to)
    {
        if (response.UnifiedDiff.Length == 0)
        {
            console.MarkupLineInterpolated($"Versions {from} and {to} are the same policy.");
            return HubAction.Done;
        }

        // Plain text, not markup: a diff line is the policy's own JSON.
        console.Profile.Out.Writer.Write(response.UnifiedDiff);
        console.MarkupLineInterpolated($"{response.LinesRemoved} lines removed, {response.LinesAdded} added.");
        return HubAction.Done;
    }

    private static Command Rollback(HubOptions hub, IAnsiConsole console)
    {
        var version = new Argument<long>("version") { Description = "The version whose policy to run again" };
        var note = Note("Why, kept with the new version");
        var command = new Command(
            "rollback",
            "Publish an earlier version's policy again, as a new version that says which one it restores"
        )
        {
            version,
            note,
        };
        HubAction.Answer(
            command,
            hub,
            console,
            (connection, parse, ct) =>
                Client(connection)
                    .RollbackPolicyAsync(
                        new RollbackPolicyRequest
                        {
                            Version = parse.GetValue(version),
                            Note = parse.GetValue(note) ?? "",
                        },
                        cancellationToken: ct
                    )
                    .ResponseAsync,
            (response, _) => Published(console, response.Version, response.Changed)
        );
        return command;
    }

    private static Option<string> Note(string description) => new("--note") { Description = description };

    private static PolicyService.PolicyServiceClient Client(HubConnection connection) => new(connection.Invoker);

    private static string How(PolicyVersion v) =>
        v.Source switch
        {
            PolicyVersionSource.File => "file",
            PolicyVersionSource.Api => "publish",
            PolicyVersionSource.Rollback => $"rollback to {v.RestoredVersion}",
            _ => "",
        };

    private static int Published(IAnsiConsole console, PolicyVersion version, bool changed)
    {
        if (changed)
        {
            var (v, reps, pools) = (version.Version, version.RepCount, version.PoolCount);
            console.MarkupLineInterpolated(
                $"[green]Published version {v}[/]: {reps} reps, {pools} pools. Every instance runs it within seconds."
            );
        }
        else
        {
            console.MarkupLineInterpolated(
                $"Nothing to publish: the running version {version.Version} is already this policy."
            );
        }

        return HubAction.Done;
    }
}
