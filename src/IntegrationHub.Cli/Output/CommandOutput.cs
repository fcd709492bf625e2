using System.Text.Json.Nodes;
using Google.Protobuf;
using Spectre.Console;

namespace IntegrationHub.Cli.Output;

/// <summary>
/// Where one command invocation prints: tables for a person, or one JSON or YAML document for a script. In JSON
/// and YAML nothing but that document is printed, so its output parses whatever happened; a refusal is
/// <c>{"error": {"code", "message", "fieldViolations"}}</c> with the same exit code as in a table.
/// </summary>
internal sealed class CommandOutput(IAnsiConsole console, OutputFormat format)
{
    public IAnsiConsole Console { get; } = console;

    public bool IsTable => format == OutputFormat.Table;

    /// <summary>Writes the hub's answer as it is (proto JSON mapping); returns <paramref name="exitCode"/>.</summary>
    public int Write(IMessage message, int exitCode = 0) => Write(ResultTree.Of(message), exitCode);

    public int Write(JsonNode result, int exitCode = 0)
    {
        Console.Profile.Out.Writer.WriteLine(ResultTree.Format(result, format));
        return exitCode;
    }

    /// <summary>
    /// A refusal as data: <paramref name="code"/> is the gRPC status name in upper snake case (NOT_FOUND), as
    /// google.rpc.Code spells it.
    /// </summary>
    public int Error(string code, string message, IEnumerable<(string Field, string Description)> violations, int exit)
    {
        var error = new JsonObject
        {
            ["code"] = code,
            ["message"] = message,
            ["fieldViolations"] = new JsonArray([
                .. violations.Select(v =>
                    (JsonNode?)new JsonObject { ["field"] = v.Field, ["description"] = v.Description }
                ),
            ]),
        };
        return Write(new JsonObject { ["error"] = error }, exit);
    }

    /// <summary>A gRPC status code's name as google.rpc.Code spells it: InvalidArgument → INVALID_ARGUMENT.</summary>
    public static string CodeName(Grpc.Core.StatusCode code) =>
        string.Concat(code.ToString().Select((c, i) => i > 0 && char.IsUpper(c) ? $"_{c}" : $"{c}")).ToUpperInvariant();
}
