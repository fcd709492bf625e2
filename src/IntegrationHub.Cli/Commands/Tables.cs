using Spectre.Console;
using Spectre.Console.Rendering;

namespace IntegrationHub.Cli.Commands;

/// <summary>Result tables. Cells are plain text, never markup: a rep named "[Bot]" prints as is.</summary>
internal static class Tables
{
    /// <summary>The console width when output is piped: wide enough that no row of a result ever wraps.</summary>
    public const int Unwrapped = 100_000;

    /// <summary>Several values in one cell: a line each in a terminal, one line when piped (a row stays one).</summary>
    public static string Lines(IAnsiConsole console, IEnumerable<string> values) =>
        string.Join(console.Profile.Out.IsTerminal ? Environment.NewLine : "; ", values);

    public static Table Create(string? title, params string[] columns)
    {
        var table = new Table().Border(TableBorder.Rounded);
        if (title is not null)
        {
            table.Title(new TableTitle(title, new Style(decoration: Decoration.Bold)));
        }

        foreach (var (column, i) in columns.Select((c, i) => (c, i)))
        {
            // The first column is what a row is called (an id, a name): it never wraps.
            var header = new TableColumn(new Text(column, new Style(decoration: Decoration.Bold)));
            table.AddColumn(i == 0 ? header.NoWrap() : header);
        }

        return table;
    }

    public static Table Row(this Table table, params object?[] cells)
    {
        table.AddRow([.. cells.Select(c => c as IRenderable ?? new Text(Format(c)))]);
        return table;
    }

    public static string Format(object? value) =>
        value switch
        {
            null => "",
            DateTimeOffset at => at.ToString(
                "yyyy-MM-dd HH:mm:ss'Z'",
                System.Globalization.CultureInfo.InvariantCulture
            ),
            Google.Protobuf.WellKnownTypes.Timestamp ts => Format(ts.ToDateTimeOffset()),
            _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "",
        };
}
