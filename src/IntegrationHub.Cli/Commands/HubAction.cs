using System.CommandLine;
using Google.Rpc;
using Grpc.Core;
using IntegrationHub.Cli.Output;
using Spectre.Console;

namespace IntegrationHub.Cli.Commands;

/// <summary>
/// Runs one command against the hub and turns what can go wrong into what an operator can act
/// on: the hub's error with its field violations, or where the hub could not be reached.
/// Exit codes: 0 done, 1 the hub refused or failed, 2 the input is invalid, 3 the hub is unreachable.
/// </summary>
internal static class HubAction
{
    public const int Done = 0;
    public const int Refused = 1;
    public const int Invalid = 2;
    public const int Unreachable = 3;

    public static void Set(
        Command command,
        HubOptions hub,
        IAnsiConsole console,
        Func<HubConnection, ParseResult, CancellationToken, Task<int>> action
    ) =>
        command.SetAction(
            async (parse, cancellationToken) =>
            {
                using var connection = hub.Connect(parse);
                var output = hub.OutputFor(parse, console);
                try
                {
                    return await action(connection, parse, cancellationToken);
                }
                catch (RpcException ex) when (!output.IsTable)
                {
                    var unreachable = ex.StatusCode == StatusCode.Unavailable;
                    var message = unreachable
                        ? $"Cannot reach the hub at {connection.Address}: {ex.Status.Detail}"
                        : ex.Status.Detail;
                    var violations = ex.GetRpcStatus()?.GetDetail<BadRequest>()?.FieldViolations ?? [];
                    return output.Error(
                        CommandOutput.CodeName(ex.StatusCode),
                        message,
                        violations.Select(v => (v.Field, v.Description)),
                        unreachable ? Unreachable : ExitCode(ex)
                    );
                }
                catch (RpcException ex) when (ex.StatusCode == StatusCode.Unavailable)
                {
                    console.MarkupLineInterpolated(
                        $"[red]Cannot reach the hub at {connection.Address}[/]: {ex.Status.Detail}"
                    );
                    console.MarkupLine(
                        "Start it with [bold]dotnet run --project src/IntegrationHub.Host[/], or point --hub (or "
                            + "$HUB_URL) at it."
                    );
                    return Unreachable;
                }
                catch (RpcException ex)
                {
                    Report(console, ex);
                    return ExitCode(ex);
                }
            }
        );

    /// <summary>
    /// A command that shows one answer of the hub: <paramref name="call"/> asks for it; with <c>--output json|yaml</c>
    /// the answer is written as it is (exit code from <paramref name="exitCode"/>, else 0), otherwise
    /// <paramref name="table"/> shows it to a person and returns the exit code.
    /// </summary>
    public static void Answer<TResponse>(
        Command command,
        HubOptions hub,
        IAnsiConsole console,
        Func<HubConnection, ParseResult, CancellationToken, Task<TResponse>> call,
        Func<TResponse, ParseResult, int> table,
        Func<TResponse, int>? exitCode = null
    )
        where TResponse : Google.Protobuf.IMessage => Set(command, hub, console, async (connection, parse, ct) =>
        {
            var response = await call(connection, parse, ct);
            var output = hub.OutputFor(parse, console);
            return output.IsTable ? table(response, parse) : output.Write(response, exitCode?.Invoke(response) ?? Done);
        });

    private static int ExitCode(RpcException ex) => ex.StatusCode == StatusCode.InvalidArgument ? Invalid : Refused;

    private static void Report(IAnsiConsole console, RpcException ex)
    {
        console.MarkupLineInterpolated($"[red]{ex.StatusCode}[/]: {ex.Status.Detail}");
        var status = ex.GetRpcStatus();
        foreach (var violation in status?.GetDetail<BadRequest>()?.FieldViolations ?? [])
        {
            console.MarkupLineInterpolated($"  - [bold]{violation.Field}[/]: {violation.Description}");
        }

        if (ex.StatusCode == StatusCode.Unauthenticated)
        {
            console.MarkupLine(
                "Pass a key with --api-key or $HUB_API_KEY (the sandbox hub prints one when it starts)."
            );
        }
    }
}
