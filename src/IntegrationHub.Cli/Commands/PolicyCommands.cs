using System.CommandLine;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using IntegrationHub.Contracts.Routing.V1;
using IntegrationHub.Routing.Policy;
using Spectre.Console;

namespace IntegrationHub.Cli.Commands;

/// <summary>
/// hubctl policy: validate a policy file, show the running policy, simulate a change over stored decisions.
/// </summary>
internal static class PolicyCommands
{
    public static Command Create(HubOptions hub, IAnsiConsole console)
    {
        var command = new Command(
            "policy",
            "Validate a routing policy file, show the running one, simulate a change, publish it, and list, compare "
                + "or restore the published versions"
        )
        {
            Validate(console),
            Show(hub, console),
            Simulate(hub, console),
        };
        foreach (var versions in PolicyVersionCommands.Create(hub, console))
        {
            command.Subcommands.Add(versions);
        }

        return command;
    }

    private static Command Validate(IAnsiConsole console)
    {
        var file = new Argument<FileInfo>("file")
        {
            Description = "The policy file (JSON, as the hub's Routing:PolicyFile)",
        };
        var command = new Command(
            "validate",
            "Check a policy file the way the hub will when it loads it, listing every problem with its path"
        )
        {
            file,
        };
        command.SetAction(parse =>
        {
            var path = parse.GetValue(file)!;
            return Load(console, path.FullName) is { } policy ? Valid(console, path.Name, policy) : HubAction.Invalid;
        });
        return command;
    }

    private static Command Show(HubOptions hub, IAnsiConsole console)
    {
        var command = new Command(
            "show",
            "Print the running policy as JSON, to edit into a candidate (hubctl policy show > candidate.json)"
        );
        HubAction.Set(command, hub, console, async (connection, _, ct) =>
        {
            var response = await new PolicyService.PolicyServiceClient(connection.Invoker).GetPolicyAsync(
                new GetPolicyRequest(),
                cancellationToken: ct
            );
            console.Profile.Out.Writer.WriteLine(response.PolicyJson);
            return HubAction.Done;
        });
        return command;
    }

    private static Command Simulate(HubOptions hub, IAnsiConsole console)
    {
        var file = new Argument<FileInfo?>("candidate")
        {
            Description = "The candidate policy file (or name a published one with --candidate-version)",
            Arity = ArgumentArity.ZeroOrOne,
        };
        var baselineVersion = new Option<long>("--baseline-version")
        {
            Description = "Compare against this published version instead of the running policy",
        };
        var candidateVersion = new Option<long>("--candidate-version")
        {
            Description = "Try this published version as the candidate instead of a file",
        };
        var since = Since.Option("--since", "How far back to replay: 30m, 24h, 7d (at most 31d)", TimeSpan.FromDays(1));
        var examples = new Option<int>("--examples")
        {
            Description = "How many moved decisions to list",
            DefaultValueFactory = _ => 10,
        };
        var command = new Command(
            "simulate",
            "Replay the stored decisions of a window under the candidate and show what would move, by rule, by "
                + "target and per rep"
        )
        {
            file,
            since,
            examples,
            baselineVersion,
            candidateVersion,
        };
        HubAction.Set(command, hub, console, async (connection, parse, ct) =>
        {
            var candidateFile = parse.GetValue(file);
            if ((candidateFile is not null) == (parse.GetValue(candidateVersion) != 0))
            {
                console.MarkupLine("Name the candidate: a policy file or [bold]--candidate-version[/], not both.");
                return HubAction.Invalid;
            }

            RoutingPolicy? candidate = null;
            if (candidateFile is not null && (candidate = Load(console, candidateFile.FullName)) is null)
            {
                return HubAction.Invalid;
            }

            var window = parse.GetValue(since);
            var end = HubClock.Now;
            using var call = new PolicyService.PolicyServiceClient(connection.Invoker).SimulatePolicyChange(
                new SimulatePolicyChangeRequest
                {
                    // The policy as validated here, not the file read a second time.
                    CandidatePolicyJson = candidate is null ? "" : PolicyFile.Serialize(candidate),
                    BaselineVersion = parse.GetValue(baselineVersion),
                    CandidateVersion = parse.GetValue(candidateVersion),
                    StartTime = Timestamp.FromDateTimeOffset(end - window),
                    EndTime = Timestamp.FromDateTimeOffset(end),
                },
                cancellationToken: ct
            );
            SimulationReport? report = null;
            await console
                .Progress()
                .Columns(
                    new TaskDescriptionColumn(),
                    new ProgressBarColumn(),
                    new PercentageColumn(),
                    new RemainingTimeColumn()
                )
                .StartAsync(async progress =>
                {
                    var task = progress.AddTask($"Replaying the last {Describe(window)} of decisions");
                    await foreach (var message in call.ResponseStream.ReadAllAsync(ct))
                    {
                        if (message.Progress is { } p)
                        {
                            task.MaxValue = Math.Max(1, p.Total);
                            task.Value = p.Done;
                        }

                        report ??= message.Report;
                    }

                    task.Value = task.MaxValue;
                });
            SimulationReportView.Write(
                console,
                report
                    ?? throw new RpcException(
                        new Grpc.Core.Status(StatusCode.Internal, "the hub ended the simulation without a report")
                    ),
                parse.GetValue(examples)
            );
            return HubAction.Done;
        });
        return command;
    }

    internal static RoutingPolicy? Load(IAnsiConsole console, string path)
    {
        try
        {
            return PolicyFile.Load(path);
        }
        catch (PolicyValidationException ex)
        {
            var (file, count) = (Path.GetFileName(path), ex.Problems.Count);
            console.MarkupLineInterpolated(
                $"[red]{file} is not a valid policy[/] ({count} problem{(count == 1 ? "" : "s")}):"
            );
            foreach (var problem in ex.Problems)
            {
                console.MarkupLineInterpolated($"  - {problem}");
            }

            return null;
        }
    }

    private static int Valid(IAnsiConsole console, string name, RoutingPolicy policy)
    {
        var size = $"{policy.Reps.Count} reps, {policy.Pools.Count} pools";
        var visitorRules = string.Join(" → ", policy.VisitorRules);
        console.MarkupLineInterpolated($"[green]{name} is valid[/]: {size}, visitor rules {visitorRules}.");
        console.MarkupLineInterpolated($"Lead rules {string.Join(" → ", policy.Leads.Rules)}.");
        return HubAction.Done;
    }

    private static string Describe(TimeSpan span) =>
        span.TotalDays >= 1 && span.TotalDays % 1 == 0 ? $"{span.TotalDays:0}d"
        : span.TotalHours >= 1 && span.TotalHours % 1 == 0 ? $"{span.TotalHours:0}h"
        : $"{span.TotalMinutes:0}m";
}
