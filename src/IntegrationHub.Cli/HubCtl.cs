using System.CommandLine;
using IntegrationHub.Cli.Commands;
using Spectre.Console;

namespace IntegrationHub.Cli;

/// <summary>hubctl: the command tree. Each command lives in Commands/; this file is their table of contents.</summary>
public static class HubCtl
{
    public static async Task<int> RunAsync(
        string[] args,
        IAnsiConsole console,
        CancellationToken cancellationToken = default
    )
    {
        var hub = new HubOptions();
        var root = new RootCommand(
            "hubctl — operate an IntegrationHub: connectors, routing policy, decisions, dead letters and API keys."
        )
        {
            hub.Address,
            hub.ApiKey,
            hub.Output,
            ConnectorCommands.Create(hub, console),
            PolicyCommands.Create(hub, console),
            DecisionCommands.Create(hub, console),
            PreviewCommands.Create(hub, console),
            DeadLetterCommands.Create(hub, console),
            KeyCommands.Create(hub, console),
            EventCommands.Create(hub, console),
            SandboxCommands.Create(hub, console),
            ConformanceCommands.Create(hub, console),
        };
        root.Subcommands.Add(CompletionCommands.Create(console));
        if (!console.Profile.Out.IsTerminal)
        {
            // Piped or redirected: no terminal to fit, so a table row is one line with its full values.
            console.Profile.Width = Tables.Unwrapped;
        }

        var output = new AnsiConsoleWriter(console);
        return await root.Parse(args)
            .InvokeAsync(new InvocationConfiguration { Output = output, Error = output }, cancellationToken);
    }
}
