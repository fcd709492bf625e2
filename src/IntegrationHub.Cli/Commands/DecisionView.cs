using IntegrationHub.Contracts.Routing.V1;
using Spectre.Console;

namespace IntegrationHub.Cli.Commands;

/// <summary>A decision as hubctl shows it: where it went, every rule, each fact source, fallbacks and alerts.</summary>
internal static class DecisionView
{
    public static void Write(IAnsiConsole console, Decision d, string wentTo = "Went to")
    {
        var byRule = d.MatchedRule.Length > 0 ? $" by rule {d.MatchedRule}" : "";
        var degraded = d.Degraded ? " — degraded: a fact source failed or was late" : "";
        console.MarkupLineInterpolated($"{wentTo} [bold]{DecisionCommands.Target(d.Target)}[/]{byRule}{degraded}.");

        var rules = Tables.Create("Rules, in policy order", "Rule", "Outcome", "Why", "Facts read");
        foreach (var r in d.Explanation.Rules)
        {
            var outcome = r.Outcome switch
            {
                RuleOutcome.Matched => new Markup("[green]matched[/]"),
                RuleOutcome.NotMatched => new Markup("not matched"),
                RuleOutcome.Undecided => new Markup("[yellow]undecided[/]"),
                _ => new Markup("[grey]skipped[/]"),
            };
            rules.Row(r.Rule, outcome, r.Reason, Tables.Lines(console, r.Facts.Select(f => $"{f.Name} = {f.Value}")));
        }

        console.Write(rules);
        if (d.Explanation.Sources.Count > 0)
        {
            var sources = Tables.Create("Fact sources", "Fact", "Connector", "Status", "Latency", "Error");
            foreach (var s in d.Explanation.Sources)
            {
                sources.Row(s.Source, s.Connector, s.Status.ToString(), $"{s.LatencyMs} ms", s.Error);
            }

            console.Write(sources);
        }

        foreach (var f in d.Explanation.Fallbacks)
        {
            console.MarkupLineInterpolated($"Fallback [bold]{f.Fallback}[/]: {f.Reason}");
        }

        foreach (var n in d.Explanation.Notifications)
        {
            console.MarkupLineInterpolated($"Alerts [bold]{n.RecipientId}[/] ({n.Reason})");
        }
    }
}
