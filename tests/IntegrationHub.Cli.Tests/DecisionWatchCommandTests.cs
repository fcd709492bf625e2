using System.Text;
using IntegrationHub.Testing;
using Spectre.Console;

namespace IntegrationHub.Cli.Tests;

/// <summary>
/// hubctl decisions watch as an operator runs it: it prints a row for each visitor routed while it runs, and Ctrl-C
/// ends it with exit code 0.
/// </summary>
public sealed class DecisionWatchCommandTests(SandboxHubFixture fixture) : IClassFixture<SandboxHubFixture>
{
    private const string UnknownIp = "192.0.2.200"; // nobody known: the AMER geo pool

    [Fact]
    public async Task Watch_prints_a_row_for_each_visitor_routed_while_it_runs_until_ctrl_c()
    {
        var output = new SharedOutput();
        var console = AnsiConsole.Create(
            new AnsiConsoleSettings
            {
                Ansi = AnsiSupport.No,
                ColorSystem = ColorSystemSupport.NoColors,
                Interactive = InteractionSupport.No,
                Out = new AnsiConsoleOutput(output),
            }
        );
        console.Profile.Width = 240;
        using var ctrlC = new CancellationTokenSource();
        var before = await fixture.Hub.RouteVisitorAsync(UnknownIp);
        var watch = HubCtl.RunAsync(
            ["decisions", "watch", "--hub", fixture.Hub.GrpcAddress.ToString(), "--api-key", HubCredentials.Key],
            console,
            ctrlC.Token
        );
        await Eventually.HappensAsync(
            () => output.Text.Contains("Watching new decisions", StringComparison.Ordinal) || watch.IsCompleted,
            "the watch to start"
        );
        Assert.False(watch.IsCompleted, output.Text);

        var first = await fixture.Hub.RouteVisitorAsync(UnknownIp);
        var second = await fixture.Hub.RouteVisitorAsync(UnknownIp);
        await Eventually.HappensAsync(
            () => output.Text.Contains(second.Id, StringComparison.Ordinal),
            "the second decision's row"
        );
        ctrlC.Cancel();

        Assert.Equal(0, await watch);
        var rows = output.Text.Split('\n').Where(l => l.Contains(" visitor ", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, rows.Count);
        Assert.Contains(first.Id, rows[0], StringComparison.Ordinal);
        Assert.Contains("geo_pool", rows[0], StringComparison.Ordinal);
        Assert.Contains(second.Id, rows[1], StringComparison.Ordinal);
        // Only what happened while it ran: the decision made before it started is not printed.
        Assert.DoesNotContain(before.Id, output.Text, StringComparison.Ordinal);
    }

    /// <summary>What hubctl printed so far, readable while it still prints.</summary>
    private sealed class SharedOutput : TextWriter
    {
        private readonly StringBuilder _text = new();

        public override Encoding Encoding => Encoding.UTF8;

        public string Text
        {
            get
            {
                lock (_text)
                {
                    return _text.ToString();
                }
            }
        }

        public override void Write(char value)
        {
            lock (_text)
            {
                _text.Append(value);
            }
        }

        public override void Write(string? value)
        {
            lock (_text)
            {
                _text.Append(value);
            }
        }
    }
}
