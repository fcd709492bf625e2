using System.Text;
using Spectre.Console;

namespace IntegrationHub.Cli;

/// <summary>
/// System.CommandLine's help and parse errors, written to the console's own output as they
/// are (help lays out its own columns; Spectre would wrap them a second time).
/// </summary>
internal sealed class AnsiConsoleWriter(IAnsiConsole console) : TextWriter
{
    public override Encoding Encoding => Encoding.UTF8;

    public override void Write(char value) => console.Profile.Out.Writer.Write(value);

    public override void Write(string? value) => console.Profile.Out.Writer.Write(value);

    public override void WriteLine(string? value) => console.Profile.Out.Writer.WriteLine(value);
}
