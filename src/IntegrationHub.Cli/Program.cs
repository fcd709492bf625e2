using IntegrationHub.Cli;
using Spectre.Console;

return await HubCtl.RunAsync(args, AnsiConsole.Console);
