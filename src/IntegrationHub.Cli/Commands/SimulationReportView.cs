using IntegrationHub.Contracts.Routing.V1;
using Spectre.Console;

namespace IntegrationHub.Cli.Commands;

/// <summary>
/// A simulation's report as an operator reads it: the headline, then moves by rule and target, then each rep's load.
/// </summary>
internal static class SimulationReportView
{
    public static void Write(IAnsiConsole console, SimulationReport report, int examples)
    {
        var share = report.Replayed == 0 ? 0 : 100.0 * report.Moved / report.Replayed;
        console.MarkupLineInterpolated(
            $"[bold]{report.Moved} of {report.Replayed} replayed decisions would move ({share:0.#} %).[/]"
        );
        const string notReplayableWhy = "(no stored inputs, or facts the candidate needs were never gathered)";
        const string reproducedWhy = "recorded decisions (round-robin cursors start afresh in a replay)";
        var (all, skipped, reproduced, replayed) = (
            report.Decisions,
            report.NotReplayable,
            report.Reproduced,
            report.Replayed
        );
        console.MarkupLineInterpolated(
            $"{all} decisions in the window; {skipped} could not be replayed {notReplayableWhy}."
        );
        console.MarkupLineInterpolated(
            $"Replaying the running policy reproduced {reproduced} of {replayed} {reproducedWhy}."
        );
        if (report.Moved == 0)
        {
            return;
        }

        if (report.MovesByRule.Count > 0)
        {
            var rules = Tables.Create("Moves by rule", "From rule", "To rule", "Decisions");
            foreach (var move in report.MovesByRule)
            {
                rules.Row(move.From, move.To, move.Count);
            }

            console.Write(rules);
        }

        if (report.MovesByTarget.Count > 0)
        {
            var targets = Tables.Create("Moves by target", "From", "To", "Decisions");
            foreach (var move in report.MovesByTarget)
            {
                targets.Row(move.From, move.To, move.Count);
            }

            console.Write(targets);
        }

        var load = Tables.Create("Load per rep", "Rep", "Id", "Before", "After", "Change");
        var idle = report.RepLoads.Count(r => r.Before == 0 && r.After == 0);
        if (idle > 0)
        {
            load.Caption($"{idle} other reps get nothing under either policy");
        }

        foreach (var rep in report.RepLoads.Where(r => r.Before != 0 || r.After != 0))
        {
            var change = rep.After - rep.Before;
            load.Row(
                rep.Name,
                rep.RepId,
                rep.Before,
                rep.After,
                change == 0 ? new Text("0") : new Markup(change > 0 ? $"[green]+{change}[/]" : $"[red]{change}[/]")
            );
        }

        console.Write(load);
        if (examples > 0)
        {
            var list = Tables.Create(
                $"First {Math.Min(examples, report.Examples.Count)} moved decisions (hubctl decisions explain "
                    + $"<decision>)",
                "Decision",
                "Kind",
                "Before",
                "After"
            );
            foreach (var e in report.Examples.Take(examples))
            {
                list.Row(
                    e.DecisionId,
                    e.Kind == DecisionKind.Lead ? "lead" : "visitor",
                    $"{e.TargetBefore} ({e.RuleBefore})",
                    $"{e.TargetAfter} ({e.RuleAfter})"
                );
            }

            console.Write(list);
        }
    }
}
