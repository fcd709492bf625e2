using System.Globalization;

namespace IntegrationHub.Bench.Report;

/// <summary>The printed result: one row per figure with its value, the target, and whether it was met.</summary>
public sealed class FigureTable
{
    private readonly List<(string Figure, string Value, string Target, string Verdict, string Note)> _rows = [];

    public bool AnyMissed => _rows.Any(r => r.Verdict == "missed");

    /// <summary>A ratio with a target: <paramref name="atLeast"/> true means higher is better.</summary>
    public void Ratio(string figure, double value, double target, bool atLeast, string note)
    {
        var met = atLeast ? value >= target : value <= target;
        _rows.Add(
            (
                figure,
                Format(value),
                (atLeast ? ">= " : "<= ") + Format(target),
                double.IsNaN(value) ? "n/a"
                : met ? "met"
                : "missed",
                note
            )
        );
    }

    /// <summary>A figure reported without a target.</summary>
    public void Info(string figure, string value, string note) => _rows.Add((figure, value, "", "", note));

    public void Print(TextWriter writer, string title)
    {
        writer.WriteLine();
        writer.WriteLine(title);
        writer.WriteLine();
        writer.WriteLine("| figure | value | target | verdict | how it was measured |");
        writer.WriteLine("|---|---|---|---|---|");
        foreach (var row in _rows)
        {
            writer.WriteLine($"| {row.Figure} | {row.Value} | {row.Target} | {row.Verdict} | {row.Note} |");
        }
    }

    public static string Format(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);
}
