using System.CommandLine;
using System.Text.Json.Nodes;
using Grpc.Core;
using IntegrationHub.Cli.Conformance;
using Spectre.Console;

namespace IntegrationHub.Cli.Commands;

/// <summary>
/// hubctl conformance: runs the contract's check list against a remote connector process in any language, one
/// line per check, a summary, and exit code 1 when any check fails. It needs no hub.
/// </summary>
internal static class ConformanceCommands
{
    /// <summary>What the checks cannot see from outside the remote, printed after every run.</summary>
    public const string NeedsCooperation =
        "Not checked here: how the connector treats its vendor being down, slow past the deadline, throttled "
        + "(429 with Retry-After), out of quota or refusing its credentials, and whether it stops its vendor "
        + "call when the hub cancels. Those need the connector's cooperation: run it against a fake of its "
        + "vendor that you can put in each condition, and see connectors/REMOTE.md for the status each must give.";

    public static Command Create(HubOptions hub, IAnsiConsole console)
    {
        var capability = new Option<string>("--capability")
        {
            Description = "The capability the remote serves: enrichment, crm, sequencing, marketing or meetings",
            Required = true,
        };
        var endpoint = new Option<string>("--endpoint")
        {
            Description = "The remote connector's address: host:port (plaintext HTTP/2) or http(s)://host:port",
            Required = true,
        };
        var sampleIp = new Option<string>("--sample-ip")
        {
            Description = "An address to identify in the valid-request checks",
            DefaultValueFactory = _ => "203.0.113.5",
        };
        var sample = new Option<string?>("--sample")
        {
            Description =
                "What the valid requests look up, known to the remote: an IP (enrichment), a domain (crm, "
                + "default acme.com), an email (sequencing, marketing; default jane.doe@acme.com) or a calendar "
                + "user (meetings, default avery.johnson@hub.demo)",
        };
        var timeout = new Option<TimeSpan>("--timeout")
        {
            Description = "The deadline each call carries (default 00:00:05)",
            DefaultValueFactory = _ => TimeSpan.FromSeconds(5),
        };
        var command = new Command(
            "conformance",
            "Check a remote connector process against its capability's gRPC contract (Describe, health, requests, "
                + "errors, deadlines, batches, cancellation)"
        )
        {
            capability,
            endpoint,
            sampleIp,
            sample,
            timeout,
        };
        command.SetAction(
            async (parse, ct) =>
            {
                var output = hub.OutputFor(parse, console);
                var address = RemoteUnderTest.ParseEndpoint(parse.GetValue(endpoint)!);
                if (address is null && !output.IsTable)
                {
                    var why = $"'{parse.GetValue(endpoint)}' is not host:port";
                    return output.Error("INVALID_ARGUMENT", why, [("--endpoint", why)], HubAction.Invalid);
                }

                if (address is null)
                {
                    console.MarkupLineInterpolated(
                        $"[red]--endpoint[/]: '{parse.GetValue(endpoint)}' is not host:port"
                    );
                    return HubAction.Invalid;
                }

                using var remote = new RemoteUnderTest(address, parse.GetValue(timeout));
                var name = parse.GetValue(capability)!;
                if (CheckLists.For(name, remote, parse.GetValue(sample), parse.GetValue(sampleIp)!) is not { } list)
                {
                    var why = $"'{name}' is not one of {string.Join(", ", CheckLists.Capabilities)}";
                    if (!output.IsTable)
                    {
                        return output.Error("INVALID_ARGUMENT", why, [("--capability", why)], HubAction.Invalid);
                    }

                    console.MarkupLineInterpolated($"[red]--capability[/]: {why}");
                    return HubAction.Invalid;
                }

                var (checks, _) = list;
                var outcomes = new List<CheckOutcome>();
                if (output.IsTable)
                {
                    console.MarkupLineInterpolated(
                        $"Conformance of the {name.ToLowerInvariant()} connector at {address}"
                    );
                }

                foreach (var check in checks)
                {
                    var outcome = await RunAsync(check, ct);
                    outcomes.Add(outcome);
                    if (!output.IsTable)
                    {
                        continue;
                    }

                    console.MarkupLine(
                        (outcome.Passed ? "[green]PASS[/] " : "[red]FAIL[/] ")
                            + Markup.Escape(outcome.Name + outcome.Detail)
                    );
                }

                var passed = outcomes.Count(o => o.Passed);
                var exit = passed == outcomes.Count ? HubAction.Done : HubAction.Refused;
                if (!output.IsTable)
                {
                    return output.Write(Result(address, name.ToLowerInvariant(), outcomes, passed), exit);
                }

                console.WriteLine(
                    $"{passed} of {outcomes.Count} checks passed{(passed == outcomes.Count ? "" : ": not conformant")}."
                );
                console.WriteLine(NeedsCooperation);
                return exit;
            }
        );
        return command;
    }

    private static JsonObject Result(Uri address, string capability, List<CheckOutcome> outcomes, int passed) =>
        new()
        {
            ["endpoint"] = address.ToString(),
            ["capability"] = capability,
            ["passed"] = passed,
            ["total"] = outcomes.Count,
            ["checks"] = new JsonArray([
                .. outcomes.Select(o =>
                    (JsonNode?)
                        new JsonObject
                        {
                            ["name"] = o.Name,
                            ["passed"] = o.Passed,
                            ["detail"] = o.Detail.TrimStart(':', ' '),
                        }
                ),
            ]),
            ["notChecked"] = NeedsCooperation,
        };

    private static async Task<CheckOutcome> RunAsync(ConformanceCheck check, CancellationToken ct)
    {
        try
        {
            return await check.RunAsync(ct) is { } problem
                ? new CheckOutcome(check.Name, false, $": {problem}")
                : new CheckOutcome(check.Name, true, "");
        }
        catch (RpcException ex)
        {
            return new CheckOutcome(check.Name, false, $": answered {ex.StatusCode} ({ex.Status.Detail})");
        }
    }
}
