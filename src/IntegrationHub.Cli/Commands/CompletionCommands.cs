using System.CommandLine;
using Spectre.Console;

namespace IntegrationHub.Cli.Commands;

/// <summary>
/// hubctl completion bash: prints a bash script that completes hubctl's commands, options and option values by
/// asking hubctl itself (System.CommandLine's [suggest] directive), so completions always match the installed version.
/// </summary>
internal static class CompletionCommands
{
    /// <summary>
    /// Bash completion: the words after "hubctl" and the cursor's place in them go to hubctl's [suggest:N] directive,
    /// which answers one candidate a line.
    /// </summary>
    public const string Bash = """
        # hubctl completion for bash. Load it now:   source <(hubctl completion bash)
        # or for every shell:  hubctl completion bash > ~/.local/share/bash-completion/completions/hubctl
        _hubctl_complete() {
          local line=${COMP_LINE:0:COMP_POINT}
          local rest=${line#"${COMP_WORDS[0]}"}
          rest=${rest#"${rest%%[![:space:]]*}"}
          local IFS=$'\n'
          local candidates
          candidates=$("${COMP_WORDS[0]}" "[suggest:${#rest}]" "$rest" 2>/dev/null) || return 0
          COMPREPLY=($(compgen -W "$candidates" -- "${COMP_WORDS[COMP_CWORD]}"))
        }
        complete -o default -F _hubctl_complete hubctl
        """;

    public static Command Create(IAnsiConsole console)
    {
        var shell = new Argument<string>("shell")
        {
            Description = "The shell to complete in (bash)",
            DefaultValueFactory = _ => "bash",
        };
        shell.AcceptOnlyFromAmong("bash");
        var command = new Command(
            "completion",
            "Print a shell script that completes hubctl's commands and options: source <(hubctl completion bash)"
        )
        {
            shell,
        };
        command.SetAction(_ =>
        {
            console.Profile.Out.Writer.WriteLine(Bash);
            return HubAction.Done;
        });
        return command;
    }
}
